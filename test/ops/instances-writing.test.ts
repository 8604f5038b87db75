import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, run, type Server, startServer } from './processes.js';
import { useOpsDatabase } from './workers-server.js';

// Two instances of the compiled server writing to one PostgreSQL database (PGlite is one
// process's database, so PostgreSQL only).
const MOVE = `mutation ($email: String!, $team: String) {
  setTeam(input: { email: $email, team: $team }) { userErrors { message } } }`;
const READ = '{ coverage { benchStrength } }';
const move = (n: number) => ({
  email: `p${(n % 150) + 1}@example.com`,
  team: `team-00${10 + (n % 30)}`,
});

describe.skipIf(!process.env.DATABASE_URL)(
  'two instances writing to one database (PostgreSQL only)',
  () => {
    const database = useOpsDatabase();
    const servers: Server[] = [];
    beforeAll(async () => {
      const env = { DATABASE_URL: database.url(), ORGRAPH_WORKERS: '1' };
      const seed = run('node', ['dist/cli/seed.js', '--size', 'XS'], env);
      expect(await seed.exited, seed.output()).toBe(0);
      // A small pool, as a busy instance's is: its reads and writes queue for connections.
      servers.push(await startServer({ ...env, ORGRAPH_DB_POOL_MAX: '2' }));
      servers.push(await startServer(env));
    }, 120_000);
    afterAll(() => Promise.all(servers.map((server) => server.stop())));

    it("answers every request right after the other's write: no write waits on a read", async () => {
      // A write holding the org's lock waited for the org being read again for a request, and
      // that read for a pooled connection that writes waiting for the lock held: all stood
      // still for the pool's 5 s, and requests failed DATABASE_UNAVAILABLE, PostgreSQL fine.
      const [a, b] = servers.map((server) => server.url) as [string, string];
      let n = 0;
      for (let round = 0; round < 12; round += 1) {
        expect((await gql(b, MOVE, move(200 + round))).status).toBe(200);
        const answers = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 ? gql(a, MOVE, move(n++)) : gql(a, READ))),
        );
        expect(answers.map((answer) => answer.errors ?? [])).toEqual(Array(8).fill([]));
      }
    }, 120_000);
  },
);
