import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, expect, it } from 'vitest';
import { migratePglite } from '../../src/db/pglite-template.js';
import { takePglite } from '../helpers/pglite.js';

/**
 * An org recorded before AoR units were dated keeps every past answer: migrating dates each
 * AoR's unit from the AoR's creation, so the AoR sits where it sat on every day it existed.
 */
const before = mkdtempSync(join(tmpdir(), 'orgraph-migrations-'));
afterAll(() => rmSync(before, { recursive: true, force: true }));

/** The migrations folder as it stood before migration `tag`. */
function migrationsBefore(tag: string): string {
  cpSync(fileURLToPath(new URL('../../drizzle', import.meta.url)), before, { recursive: true });
  const journalFile = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < tag);
  writeFileSync(journalFile, JSON.stringify(journal));
  return before;
}

it('dates each existing AoR in its unit from its creation', async () => {
  // A pooled database (no initdb to wait for), emptied of every table and migrated again
  // up to the one before, then given AoRs recorded then and migrated as a start does.
  const client = await takePglite();
  try {
    await client.exec(
      'drop schema public cascade; drop schema drizzle cascade; create schema public;',
    );
    await migrate(drizzle(client), { migrationsFolder: migrationsBefore('0010') });
    await client.exec(`
      insert into unit (slug, name, layer, created_on) values ('core', 'Core', 'PILLAR', '1900-01-01');
      insert into aor (slug, name, unit_id, created_on, retired_on)
        select 'pg', 'Postgres', id, date '2025-03-01', null from unit
        union all select 'old', 'Old', id, date '1900-01-01', date '2026-01-01' from unit;`);
    await migratePglite(client);
    const { rows } = await client.query(
      `select a.slug, u.slug as unit, au.started_on::text, au.ended_on::text
         from aor_unit au join aor a on a.id = au.aor_id join unit u on u.id = au.unit_id
        order by a.slug`,
    );
    expect(rows).toEqual([
      { slug: 'old', unit: 'core', started_on: '1900-01-01', ended_on: null },
      { slug: 'pg', unit: 'core', started_on: '2025-03-01', ended_on: null },
    ]);
  } finally {
    // Its tables were made anew: closed, not given back to the pool.
    await client.close();
  }
});
