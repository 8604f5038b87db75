import { builder } from './builder.js';
import './scalars.js';
import './connections.js';
import './units/types.js';
import './units/queries.js';
import './people/types.js';
import './people/queries.js';
import './people/membership.js';
import './seats/fields.js';
import './tokens/schema.js';
import './user-errors.js';

export const schema = builder.toSchema({ sortSchema: true });
