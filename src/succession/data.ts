import { asc } from 'drizzle-orm';
import { anyId } from '../db/any-of.js';
import type { Db } from '../db/client.js';
import { type CandidateRow, candidateTable } from '../db/tables.js';

export function candidatesByIds(db: Db, ids: readonly number[]): Promise<CandidateRow[]> {
  return db.select().from(candidateTable).where(anyId(candidateTable.id, ids));
}

/** Every candidacy (current and ended) of each person. */
export function candidaciesOfPeople(db: Db, personIds: readonly number[]): Promise<CandidateRow[]> {
  return db
    .select()
    .from(candidateTable)
    .where(anyId(candidateTable.personId, personIds))
    .orderBy(asc(candidateTable.startedOn));
}
