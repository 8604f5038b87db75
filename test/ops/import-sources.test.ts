import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, demoDir, gql, type Server, startServer } from './processes.js';

// The adapters run on the CLI's side and import through the server that holds the embedded
// folder, like any document: the server sees the org at once. The server's body limit is set
// at its least here: it holds for API clients, never for the CLI (a 100,000-person HR export
// is far above the default 6 MiB).
const CATALOG = 'test/fixtures/backstage/catalog.yaml';
const STORAGE = `{ unit(slug: "storage") { techLead { email } } person(email: "eli@corp.test") { name } }`;
const CHANGES = '{ person(email: "dee@corp.test") { name } changes { totalCount } }';

describe.skipIf(process.env.DATABASE_URL)(
  'import --from through the running server (PGlite; skipped with DATABASE_URL)',
  () => {
    const env = { ORGRAPH_DATA_DIR: '', ORGRAPH_MAX_BODY_BYTES: '1024' };
    let server: Server;
    beforeAll(async () => {
      env.ORGRAPH_DATA_DIR = await demoDir();
      server = await startServer(env);
    }, 120_000);
    afterAll(() => server.stop('SIGKILL'));

    it('refuses an API request over the body limit', async () => {
      const padded = `{ units { totalCount } } # ${'x'.repeat(2_000)}`;
      expect((await gql(server.url, padded)).status).toBe(413);
    });

    it('plans dry, then imports a catalog and an HR export', async () => {
      // The folder holds the demo org; the catalog's units meet it by slug.
      const before = (await gql(server.url, CHANGES)).data;
      expect(before.person).toBeNull();
      const dry = await cli(env, 'import', '--from', 'backstage', CATALOG, '--dry-run');
      expect(dry.code, dry.output).toBe(0);
      expect(dry.output).toMatch(/create seat storage TECH_LEAD held by dee@corp.test from /);
      expect((await gql(server.url, CHANGES)).data).toEqual(before);

      expect((await cli(env, 'import', '--from', 'backstage', CATALOG)).code).toBe(0);
      const columns = 'email=Work Email,name=Full Name';
      const csv = await cli(
        env,
        'import',
        '--from',
        'csv',
        'test/fixtures/people.csv',
        '--columns',
        columns,
      );
      expect(csv.code, csv.output).toBe(0);
      expect((await gql(server.url, STORAGE)).data).toEqual({
        unit: { techLead: { email: 'dee@corp.test' } },
        person: { name: 'Stone, Eli' },
      });
    }, 120_000);
  },
);
