import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase } from '../helpers/database.js';

/**
 * The test file's own database (see test/helpers/database.ts), emptied before each test,
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
  const holder = {
    statements,
    empty: async () => {
      await holder.database.db.execute(sql`truncate unit, person, seat_assignment,
        team_membership, aor, aor_ownership, succession_candidate, open_role, change
        restart identity cascade`);
    },
  } as TestDatabase & { database: Database };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openTestDatabase((query) => void statements.push(query));
    holder.database = opened;
    drop = opened.drop;
  });
  beforeEach(async () => {
    await holder.empty();
    statements.length = 0;
  });
  afterAll(() => drop?.());
  return holder;
}
