import { randomInt } from 'node:crypto';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { anyId } from '../db/any-of.js';
import type { Db } from '../db/database.js';
import { type ScenarioRow, scenarioTable } from '../db/tables.js';
import type { ScenarioChange } from './changes.js';

/** A saved scenario with its changes typed. */
export type Scenario = Omit<ScenarioRow, 'changes'> & { changes: ScenarioChange[] };

const typed = (row: ScenarioRow): Scenario => row as Scenario;

export interface ScenarioFields {
  name: string;
  description: string | null;
  changes: ScenarioChange[];
}

/**
 * Saves a scenario under an id drawn at random, not the next of a sequence: a scoped planner
 * sees only the scenarios inside its scope, and the ids of its own would otherwise count the
 * others saved meanwhile. Below 10^9, as every row id (graphql/node-id.ts); a taken one draws
 * again.
 */
export async function insertScenario(
  db: Db,
  fields: ScenarioFields,
  { createdBy, author }: { createdBy: string; author: string },
): Promise<Scenario> {
  for (;;) {
    const [row] = await db
      .insert(scenarioTable)
      .overridingSystemValue()
      .values({ id: randomInt(1, 1e9), ...fields, createdBy, author })
      .onConflictDoNothing({ target: scenarioTable.id })
      .returning();
    if (row) return typed(row);
  }
}

/** Changes a scenario not applied yet; null when there is none such. */
export async function updateScenarioRow(
  db: Db,
  id: number,
  fields: Partial<ScenarioFields>,
): Promise<Scenario | null> {
  const [row] = await db
    .update(scenarioTable)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(and(eq(scenarioTable.id, id), isNull(scenarioTable.appliedAt)))
    .returning();
  return row ? typed(row) : null;
}

/**
 * Marks a scenario applied, once, and only as it was read; answers it as marked, or null when
 * it already was applied, or was changed since (`updateScenario` meanwhile: what was applied
 * is not what it now says).
 */
export async function markApplied(
  db: Db,
  read: Scenario,
  appliedBy: string,
): Promise<Scenario | null> {
  const [row] = await db
    .update(scenarioTable)
    .set({ appliedAt: sql`now()`, appliedBy })
    .where(
      and(
        eq(scenarioTable.id, read.id),
        isNull(scenarioTable.appliedAt),
        eq(scenarioTable.name, read.name),
        eq(scenarioTable.changes, read.changes),
      ),
    )
    .returning();
  return row ? typed(row) : null;
}

export async function scenariosByIds(db: Db, ids: readonly number[]): Promise<Scenario[]> {
  const rows = await db.select().from(scenarioTable).where(anyId(scenarioTable.id, ids));
  return rows.map(typed);
}

export async function countScenarios(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(scenarioTable);
  return Number(row?.n ?? 0);
}

/** Newest first. */
export async function listScenarios(db: Db, offset: number, limit: number): Promise<Scenario[]> {
  const rows = await db
    .select()
    .from(scenarioTable)
    .orderBy(desc(scenarioTable.createdAt), desc(scenarioTable.id))
    .offset(offset)
    .limit(limit);
  return rows.map(typed);
}
