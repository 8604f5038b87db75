import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, gql, type Server, scratchDir, startServer } from './processes.js';

// SPEC §5 "on the first start of an empty embedded database it loads a demo
// org". A folder holding the user's own people (no unit yet) had the demo loaded into it.
const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

const COUNTS = '{ units(first: 1) { totalCount } people(first: 1) { totalCount } }';

describe("the demo org never lands in a database holding the user's own org", () => {
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
});
