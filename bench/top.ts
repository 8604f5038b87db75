/**
 * `npx tsx bench/top.ts FILE.cpuprofile [N]`: the N functions (default 5) with the most self
 * time in a `node --cpu-prof` profile, idle and garbage collection shown as such.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, count = '5'] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/top.ts FILE.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nameOf = new Map(
  profile.nodes.map(({ id, callFrame: f }) => {
    const where = f.url
      ? ` ${f.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${f.lineNumber + 1}`
      : '';
    return [id, `${f.functionName || '(anonymous)'}${where}`];
  }),
);
// A profile taken in process (bench/profile-phase.ts) holds the profiler's own work of
// stopping and writing it out, under `Session.post`: named so, it is not read as orgraph's.
const parentOf = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
function isProfilers(id: number): boolean {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (frame?.functionName === 'post' && frame.url === 'node:inspector') return true;
  }
  return false;
}
const selfMs = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const name = isProfilers(id) ? "(the profiler's own work)" : (nameOf.get(id) ?? '?');
  selfMs.set(name, (selfMs.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
for (const [name, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
  console.log(
    `${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`,
  );
}
