import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { generateOrg, SIZES } from './src/demo/generate.js';
import { startTestApp } from './test/helpers/app.js';
import { TEAM_QUERY, PERSON_QUERY, PERSON_VARIABLES } from './bench/queries.js';
const app = await startTestApp({ org: generateOrg(SIZES.M) });
const cases: [string, string, Record<string, unknown>][] = [
  ['empty', '{ __typename }', {}],
  ['drill', TEAM_QUERY, { slug: 'team-0123' }],
  ['person', PERSON_QUERY, PERSON_VARIABLES],
];
for (const [name, q, v] of cases) {
  for (let i = 0; i < 2000; i++) await app.data(q, v);
  const t = performance.now();
  const n = 3000;
  for (let i = 0; i < n; i++) await app.data(q, v);
  console.log(name, ((performance.now() - t) / n).toFixed(3), 'ms', 'statements/req', (app.statements.length / 1).toFixed(0));
}
const s = new Session(); s.connect();
await s.post('Profiler.enable'); await s.post('Profiler.start');
for (let i = 0; i < 4000; i++) { await app.data(TEAM_QUERY, { slug: 'team-0123' }); await app.data(PERSON_QUERY, PERSON_VARIABLES); }
const { profile } = await s.post('Profiler.stop');
writeFileSync('/work/scratch/drill.cpuprofile', JSON.stringify(profile));
await app.close();
process.exit(0);
