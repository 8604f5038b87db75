import { builder } from '../graphql/builder.js';
import type { Viewer as ViewerData } from '../graphql/context.js';
import { OrgUnit } from '../units/types.js';
import { RoleEnum } from './schema.js';

const Viewer = builder.objectRef<ViewerData>('Viewer').implement({
  description: 'Who is asking, as this server sees them.',
  fields: (t) => ({
    role: t.field({
      type: RoleEnum,
      nullable: true,
      description: 'What they may do; null: nothing but ask `viewer` (no credential, or no role).',
      resolve: (viewer) => viewer.role,
    }),
    scope: t.field({
      type: OrgUnit,
      nullable: true,
      description: 'The unit their confidential reads are limited to; null: the whole org.',
      resolve: (viewer) => viewer.scope?.unitId ?? null,
    }),
    name: t.string({
      nullable: true,
      description:
        "The token's name or the JWT's subject (the audit log's actor: `token:<name>`, " +
        '`jwt:<subject>`).',
      resolve: (viewer) => viewer.name,
    }),
    via: t.string({
      description:
        'How they got in: TOKEN (an API token), JWT (single sign-on), OPEN (no credential: ' +
        'the role the operator opened with ORGRAPH_OPEN_READ, or none), OPERATOR (the CLI).',
      resolve: (viewer) => viewer.via,
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: Viewer,
    description:
      'Who is asking: role, scope, name and how. Answers a request without a credential too (a bad token is still refused).',
    resolve: (_root, _args, { viewer }) => viewer,
  }),
}));
