import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, gql, type Server, scratchDir, startServer } from './processes.js';

// SPEC §5 "on the first start of an empty embedded database it loads a demo
// org". A folder holding the user's own people (no unit yet) had the demo loaded into it.
// A folder first started with ORGRAPH_DEMO=off got the demo on the next start without it.
const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

const COUNTS = '{ units(first: 1) { totalCount } people(first: 1) { totalCount } }';
const EMPTY = { units: { totalCount: 0 }, people: { totalCount: 0 } };

describe('the demo org lands only on the first start of an empty folder, and only if wanted', () => {
  it('after the CLI imported the HR export into a new folder, then `npm start`', async () => {
    const folder = scratchDir();
    const dataDir = join(folder, 'data');
    const file = join(folder, 'people.json');
    writeFileSync(
      file,
      JSON.stringify({ people: [{ email: 'real.person@corp.example', name: 'Real Person' }] }),
    );
    const imported = await cli({ ORGRAPH_DATA_DIR: dataDir }, 'import', file);
    expect(imported.code, imported.output).toBe(0);

    const server = await startServer({ ORGRAPH_DATA_DIR: dataDir });
    servers.push(server);
    const { data } = await gql(server.url, COUNTS);
    expect(data).toEqual({ units: { totalCount: 0 }, people: { totalCount: 1 } });
  }, 180_000);

  it('after a first start with ORGRAPH_DEMO=off, on a later start without it', async () => {
    const dataDir = join(scratchDir(), 'data');
    const declined = await startServer({ ORGRAPH_DATA_DIR: dataDir, ORGRAPH_DEMO: 'off' });
    servers.push(declined);
    expect((await gql(declined.url, COUNTS)).data).toEqual(EMPTY);
    await declined.stop();

    const later = await startServer({ ORGRAPH_DATA_DIR: dataDir });
    servers.push(later);
    expect((await gql(later.url, COUNTS)).data).toEqual(EMPTY);
    expect(later.output()).not.toContain('Loaded the demo org');
    // Its marker is owner-only like every file the server writes there (umask 077).
    expect(later.output()).not.toMatch(/owner-only/);
  }, 180_000);
});
