import { openConfiguredDatabase } from '../db/open.js';

// `npm run db:migrate`: applies the committed migrations to the configured database (the
// server does the same on start; this is for deploy pipelines that migrate first).
const database = await openConfiguredDatabase();
await database.close();
console.log('migrations applied');
