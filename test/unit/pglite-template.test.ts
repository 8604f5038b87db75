import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import {
  buildPgliteTemplate,
  newFolderTemplate,
  pgliteTemplateKey,
} from '../../src/db/pglite-template.js';

// The embedded database only: with DATABASE_URL nothing here is used.
const folder = mkdtempSync(join(tmpdir(), 'orgraph-template-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it.skipIf(process.env.DATABASE_URL)(
  'a new data folder starts as a copy of the migrated template; an existing cluster does not',
  async () => {
    const file = await buildPgliteTemplate();
    expect(basename(file)).toBe(`${pgliteTemplateKey()}.tar`);
    expect(newFolderTemplate(folder)?.size).toBe(statSync(file).size);

    const database = await openDatabase({ dataDir: folder });
    try {
      // Migrated before `migrate()` runs: the template's own rows are there.
      const { rows } = (await database.db.execute('select version from org_state')) as unknown as {
        rows: unknown[];
      };
      expect(rows).toHaveLength(1);
    } finally {
      await database.close();
    }
    expect(newFolderTemplate(folder)).toBeUndefined();
  },
);
