import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { unitTable } from '../db/tables.js';
import { todayUtc } from '../org/days.js';
import { importOrgDocument } from '../orgdoc/import.js';
import { parseOrgFile } from '../orgdoc/parse.js';

const DEMO_FILE = new URL('./demo-org.yaml', import.meta.url);

export function demoDocument(): unknown {
  return parseOrgFile(readFileSync(DEMO_FILE, 'utf8'), 'demo-org.yaml');
}

/** Loads the demo org into an empty database; a database with any unit is left alone. */
export async function loadDemoIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(unitTable);
  if (Number(row?.n ?? 0) > 0) return false;
  const result = await importOrgDocument(db, demoDocument(), { today: todayUtc() });
  if (result.userErrors.length > 0) {
    const problems = result.userErrors.map((e) => `${e.path}: ${e.message}`).join('\n  ');
    throw new Error(`The demo org is invalid:\n  ${problems}`);
  }
  return true;
}
