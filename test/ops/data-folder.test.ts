import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, demoDir, gql, isAlive, looseEntries, type Server, startServer } from './processes.js';

// The embedded database has one writer: a second server is refused, the CLI goes through
// the server that holds the folder, and a lock left by a killed server is taken over.
const servers: Server[] = [];
async function serve(dataDir: string): Promise<Server> {
  const server = await startServer({ ORGRAPH_DATA_DIR: dataDir });
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop('SIGKILL')));
});

const ownerPid = (dataDir: string): number =>
  JSON.parse(readFileSync(join(dataDir, 'orgraph-owner.json'), 'utf8')).pid;
const CREATE = `mutation ($email: String!) {
  createPerson(input: { email: $email, name: "Noa Field" }) { person { email } userErrors { message } }
}`;
const DEPARTED = `{ person(email: "eli@example.com") { departedOn }
  changes(first: 1) { nodes { actor operation } } }`;

describe.skipIf(process.env.DATABASE_URL)(
  'one embedded folder (PGlite; skipped with DATABASE_URL)',
  () => {
    it('refuses a second server on the folder, naming the first; the first keeps working', async () => {
      const dataDir = await demoDir();
      const first = await serve(dataDir);
      const second = await cli({ ORGRAPH_DATA_DIR: dataDir }, 'help'); // warms nothing: a sanity run
      expect(second.code).toBe(0);
      const refused = await startServer({ ORGRAPH_DATA_DIR: dataDir }).catch((e: Error) => e);
      expect(refused).toBeInstanceOf(Error);
      const pid = first.child.pid as number;
      expect((refused as Error).message).toMatch(/^exited 3: /);
      const line = (refused as Error).message.replace(/^exited 3: /, '').trim();
      expect(line.split('\n')).toHaveLength(1);
      expect(line).toContain(`in use by orgraph server (pid ${pid}`);
      expect(line).toContain(first.url);
      const write = await gql(first.url, CREATE, { email: 'noa@example.com' });
      expect(write.data.createPerson.userErrors).toEqual([]);
    }, 120_000);

    it('sends a CLI write through the running server: it sees it, and it outlives a restart', async () => {
      const dataDir = await demoDir();
      const first = await serve(dataDir);
      const depart = await cli({ ORGRAPH_DATA_DIR: dataDir }, 'depart', 'eli@example.com');
      expect(depart.output).toMatch(/^eli@example.com departed on \d{4}-\d\d-\d\d; ended: /);
      expect(depart.code).toBe(0);
      const seen = (await gql(first.url, DEPARTED)).data;
      expect(seen.person.departedOn).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(seen.changes.nodes[0]).toEqual({ actor: 'cli', operation: 'recordDeparture' });

      expect(await first.stop()).toBe(0);
      const again = await serve(dataDir);
      expect((await gql(again.url, DEPARTED)).data.person.departedOn).toBe(seen.person.departedOn);
    }, 120_000);

    // A new folder is made owner-only: startup.test.ts checks it on its first start.
    it('makes a folder left open to anyone owner-only again, and logs it', async () => {
      const dataDir = await demoDir();
      // As an earlier orgraph left it: everything readable and writable by anyone.
      for (const path of [dataDir, ...readdirSync(dataDir, { recursive: true }).map(String)]) {
        const full = path === dataDir ? path : join(dataDir, path);
        chmodSync(full, statSync(full).isDirectory() ? 0o777 : 0o666);
      }
      const again = await serve(dataDir);
      expect(looseEntries(dataDir)).toEqual([]);
      expect(again.output()).toMatch(/made \d+ file\(s\) and folder\(s\) owner-only/);
      expect((await gql(again.url, DEPARTED)).data.person.departedOn).toBeNull();
    }, 120_000);

    it('takes over the lock of a killed server', async () => {
      const dataDir = await demoDir();
      const killed = await serve(dataDir);
      const pid = ownerPid(dataDir);
      await killed.stop('SIGKILL');
      expect(isAlive(pid)).toBe(false);
      const started = Date.now();
      const next = await serve(dataDir);
      console.info(`a killed server's lock was taken over in ${Date.now() - started} ms`);
      expect(ownerPid(dataDir)).toBe(next.child.pid);
      const write = await gql(next.url, CREATE, { email: 'noa@example.com' });
      expect(write.data.createPerson.userErrors).toEqual([]);
    }, 120_000);
  },
);
