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
  it('after a first start with ORGRAPH_DEMO=off and an import of people', async () => {
    const dataDir = scratchDir();
    const first = await startServer({ ORGRAPH_DATA_DIR: dataDir, ORGRAPH_DEMO: 'off' });
    servers.push(first);
    const imported = await gql(
      first.url,
      'mutation ($d: JSONObject!) { importOrg(document: $d) { userErrors { message } } }',
      { d: { people: [{ email: 'real.person@corp.example', name: 'Real Person' }] } },
    );
    expect(imported.data.importOrg.userErrors).toEqual([]);
    expect(await first.stop()).toBe(0);

    // A later start, the operator having dropped ORGRAPH_DEMO=off from the environment.
    const second = await startServer({ ORGRAPH_DATA_DIR: dataDir });
    servers.push(second);
    const { data } = await gql(second.url, COUNTS);
    expect(data).toEqual({ units: { totalCount: 0 }, people: { totalCount: 1 } });
    expect(second.output()).not.toMatch(/Loaded the demo org/);
  }, 180_000);

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
