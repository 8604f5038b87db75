import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database.js';
import { aorTable, personTable, unitTable } from '../db/tables.js';
import { importOrgDocument } from '../orgdoc/import.js';
import { parseOrgFile } from '../orgdoc/parse.js';
import { createToken } from '../tokens/tokens.js';

// Read from src/ whether this runs from src/ (tsx) or dist/ (compiled): both sit two levels down.
const DEMO_FILE = new URL('../../src/demo/demo-org.yaml', import.meta.url);

/**
 * The day the demo org is written as of: its rows without a date of their own (members, AoR
 * owners, candidates) start on it, whenever it is loaded, so the demo's history — and every
 * example in the docs, `coverageTrend` between fixed days included — is the same on any date.
 */
export const DEMO_DAY = '2026-11-23';

export function demoDocument(): unknown {
  return parseOrgFile(readFileSync(DEMO_FILE, 'utf8'), 'demo-org.yaml');
}

// Present from the moment the demo is loaded until its ADMIN token has been shown: a first
// start that fails after loading (the port is taken) leaves it, and the next start that
// serves shows a token then, instead of locking the new user out of their own demo.
const tokenPending = (dataDir: string) => join(dataDir, 'demo-token-pending');

// Present once a start found the folder empty with ORGRAPH_DEMO=off: the demo is the first
// start's, so a later start without the setting leaves the folder the user chose to keep
// empty (`npm run seed` loads the demo on demand).
const demoDeclined = (dataDir: string) => join(dataDir, 'demo-declined');

/**
 * On the first start of an empty embedded database, loads the demo org if `wanted` (one with
 * any person, unit or AoR — an HR export brought in first holds people only — is the user's
 * own, left alone); true when it did. `showDemoToken` then gives the new user an ADMIN token.
 */
export async function loadDemoIfFirstStart(
  db: Db,
  dataDir: string,
  wanted: boolean,
): Promise<boolean> {
  if (existsSync(demoDeclined(dataDir))) return false;
  for (const table of [personTable, unitTable, aorTable]) {
    const [any] = await db.select({ id: table.id }).from(table).limit(1);
    if (any) return false;
  }
  if (!wanted) {
    writeFileSync(demoDeclined(dataDir), '');
    return false;
  }
  // Marked first: the import is one transaction, so a start killed in between loads again.
  writeFileSync(tokenPending(dataDir), '');
  await loadDemo(db);
  return true;
}

/** Imports the demo org as of DEMO_DAY, as the first start does. */
export async function loadDemo(db: Db): Promise<void> {
  const result = await importOrgDocument(db, demoDocument(), { today: DEMO_DAY });
  if (result.userErrors.length > 0) {
    const problems = result.userErrors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`the demo org is invalid: ${problems}`);
  }
}

/**
 * Once the server serves: mints an ADMIN token for the demo org if none was shown yet and
 * hands its secret to `show`. Stored hashed like every other token: this is its one showing.
 */
export async function showDemoToken(
  db: Db,
  dataDir: string,
  show: (secret: string) => void,
): Promise<void> {
  if (!existsSync(tokenPending(dataDir))) return;
  const admin = {
    name: 'demo admin (printed at first start)',
    role: 'ADMIN',
    scopeUnitId: null,
  } as const;
  show((await createToken(db, admin)).secret);
  rmSync(tokenPending(dataDir), { force: true });
}
