import { openAsWriter } from '../server/open-database.js';
import { parseOptions } from './command.js';
import { seededPolicy } from './operator.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run db:migrate

Applies the committed migrations to the configured database (DATABASE_URL, else the embedded
folder ORGRAPH_DATA_DIR, made if new) and gives a new database its policy from the
environment. The server does both on start: this is for deploy pipelines that migrate first.
`;

// `npm run db:migrate`, as USAGE says.
await runMain(async (config) => {
  // Anything but --help is refused (exit 2) before the database is touched.
  const { values } = parseOptions({ options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const database = await openAsWriter(config, 'CLI (db:migrate)');
  await seededPolicy(database, config);
  await database.close();
  console.log('migrations applied');
  return 0;
});
