import { openAsWriter } from '../db/open.js';
import { seededPolicy } from './operator.js';
import { runMain } from './run-main.js';

// `npm run db:migrate`: applies the committed migrations to the configured database, and gives
// a new one its policy from the environment (the server does the same on start; this is for
// deploy pipelines that migrate first).
await runMain(async (config) => {
  const database = await openAsWriter(config, 'CLI (db:migrate)');
  await seededPolicy(database, config);
  await database.close();
  console.log('migrations applied');
  return 0;
});
