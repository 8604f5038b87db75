import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../helpers/database.js';
import { type OrgTemplate, saveTemplate } from '../helpers/template.js';

/**
 * The test file's own database (see test/helpers/database.ts), as migrated — every table
 * empty, every sequence at its start — before each test,
 * with every SQL statement sent since the test began, for the statement-count checks.
 */
export interface TestDatabase {
  readonly database: Database;
  readonly statements: string[];
  /** Deletes the whole org (tests that load two orgs in turn). */
  empty(): Promise<void>;
}

export function useTestDatabase(): TestDatabase {
  const statements: string[] = [];
  let empty: OrgTemplate;
  const holder = {
    statements,
    empty: () => empty.restore(),
  } as TestDatabase & { database: Database };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openTestDatabase((query) => void statements.push(query));
    holder.database = opened;
    drop = opened.drop;
    empty = await saveTemplate(opened);
  });
  beforeEach(async () => {
    await holder.empty();
    statements.length = 0;
  });
  afterAll(() => drop?.());
  return holder;
}
