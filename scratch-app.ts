import { openWatchedDatabase, testAppOn } from './test/helpers/app.js';
import { TWO_PILLARS } from './test/access/org.js';
const w = await openWatchedDatabase();
const b = testAppOn(w);
await b.importOrg(TWO_PILLARS);
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  const n = 30;
  let tApp = 0, tFirst = 0, tSecond = 0;
  for (let i = 0; i < n; i++) {
    t = performance.now();
    const app = testAppOn(w);
    tApp += performance.now() - t; t = performance.now();
    await app.data('{ coverage { benchStrength } }');
    tFirst += performance.now() - t; t = performance.now();
    await app.data('{ coverage { benchStrength } }');
    tSecond += performance.now() - t;
  }
  console.log('createApp', (tApp / n).toFixed(1), 'first', (tFirst / n).toFixed(1), 'second', (tSecond / n).toFixed(1));
}
process.exit(0);
