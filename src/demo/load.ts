import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { todayUtc } from '../core/org/days.js';
import type { Db } from '../db/client.js';
import { unitTable } from '../db/tables.js';
import { importOrgDocument } from '../orgdoc/import.js';
import { parseOrgFile } from '../orgdoc/parse.js';
import { createToken } from '../tokens/tokens.js';

const DEMO_FILE = new URL('./demo-org.yaml', import.meta.url);

export function demoDocument(): unknown {
  return parseOrgFile(readFileSync(DEMO_FILE, 'utf8'), 'demo-org.yaml');
}

/**
 * Loads the demo org into an empty database (a database with any unit is left alone) and
 * returns a new ADMIN token's secret so a first-time user can query it at once; null when
 * nothing was loaded. The token is stored hashed, like every other: this is its one showing.
 */
export async function loadDemoIfEmpty(db: Db): Promise<string | null> {
  const [row] = await db.select({ n: count() }).from(unitTable);
  if (Number(row?.n ?? 0) > 0) return null;
  const result = await importOrgDocument(db, demoDocument(), { today: todayUtc() });
  if (result.userErrors.length > 0) {
    const problems = result.userErrors.map((e) => `${e.path}: ${e.message}`).join('\n  ');
    throw new Error(`The demo org is invalid:\n  ${problems}`);
  }
  const admin = {
    name: 'demo admin (printed at first start)',
    role: 'ADMIN',
    scopeUnitId: null,
  } as const;
  return (await createToken(db, admin)).secret;
}
