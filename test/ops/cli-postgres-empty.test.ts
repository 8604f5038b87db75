import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminQuery } from '../helpers/database.js';
import { cli, scratchDir } from './processes.js';
import { useOpsDatabase } from './workers-server.js';

// DATABASE_URL naming a database without orgraph's tables (another application's, a typo of
// the right one's name that exists): a read command or `token create` made the tables there,
// and `check` passed on the empty org it read. As on an embedded folder that holds no org.
const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)(
  'the CLI on a PostgreSQL database without an org (needs DATABASE_URL)',
  () => {
    const { url } = useOpsDatabase();
    const tables = async () =>
      (
        await adminQuery(
          url(),
          "select count(*)::int as n from pg_tables where schemaname = 'public'",
        )
      )[0]?.n;

    it('refuses to read or make a token there, and a dry run plans against an empty org, making nothing', async () => {
      const env = { DATABASE_URL: url() };
      for (const command of [
        ['check', '--fail-on', 'vacant-seat'],
        ['export'],
        ['token', 'create', '--role', 'ADMIN', '--name', 'x'],
      ]) {
        const { code, output } = await cli(env, ...command);
        expect(code, output).toBe(3);
        expect(output.trim()).toBe(
          `DATABASE_URL's database holds no org (orgraph's tables are not there), so no ${command[0]}; fix DATABASE_URL, or make them first (npm run db:migrate, a server start, or an import)`,
        );
      }
      const file = join(scratchDir(), 'org.json');
      writeFileSync(file, JSON.stringify({ people: [{ email: 'ada@example.com', name: 'Ada' }] }));
      const dry = await cli(env, 'import', file, '--dry-run');
      expect(dry.code, dry.output).toBe(0);
      expect(dry.output).toMatch(/dry run, nothing was written: 1 to create/);
      expect(await tables()).toBe(0);
      // An import makes the org; then every command reads it.
      expect((await cli(env, 'import', file)).code).toBe(0);
      const exported = await cli(env, 'export');
      expect(exported.code, exported.output).toBe(0);
      expect(JSON.parse(exported.output).people).toEqual([
        expect.objectContaining({ email: 'ada@example.com' }),
      ]);
    }, 120_000);
  },
);
