import { parseArgs } from 'node:util';
import { todayUtc } from '../core/org/days.js';
import { openConfiguredDatabase } from '../db/open.js';
import { generateOrg, SIZES } from '../demo/generate.js';
import { demoDocument } from '../demo/load.js';
import { importOrgDocument } from '../orgdoc/import.js';

// `npm run seed [-- --size XS|S|M]`: loads the demo org (or a generated one of that size)
// into the configured database. Importing is idempotent: seeding twice changes nothing.
const { values } = parseArgs({ options: { size: { type: 'string' } } });
const size = values.size as keyof typeof SIZES | undefined;
if (size !== undefined && !(size in SIZES)) {
  console.error(`--size: one of ${Object.keys(SIZES).join(', ')}`);
  process.exit(2);
}
const database = await openConfiguredDatabase();
try {
  const document = size ? generateOrg(SIZES[size]) : demoDocument();
  const result = await importOrgDocument(database.db, document, { today: todayUtc() });
  for (const e of result.userErrors) console.error(`${e.path}: ${e.message}`);
  if (result.userErrors.length === 0)
    console.log(`seeded: created ${JSON.stringify(result.created)}`);
  process.exitCode = result.userErrors.length === 0 ? 0 : 1;
} finally {
  await database.close();
}
