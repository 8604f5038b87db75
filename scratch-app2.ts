import { openWatchedDatabase, testAppOn } from './test/helpers/app.js';
import { readOrgHistory } from './src/store/history.js';
import { orgStateOn } from './src/core/org/as-of.js';
import { TWO_PILLARS } from './test/access/org.js';
const w = await openWatchedDatabase();
const b = testAppOn(w);
await b.importOrg(TWO_PILLARS);
for (let r = 0; r < 3; r++) {
  let t = performance.now(); let h;
  for (let i = 0; i < 30; i++) h = await readOrgHistory(w.database.db);
  const read = (performance.now() - t) / 30; t = performance.now();
  for (let i = 0; i < 30; i++) orgStateOn(h!, '2026-11-23');
  console.log('read', read.toFixed(1), 'state', ((performance.now() - t) / 30).toFixed(1), h!.people.length);
}
process.exit(0);
