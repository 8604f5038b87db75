import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type CandidateRow, candidateTable } from '../db/tables.js';

export function candidatesByIds(db: Db, ids: readonly number[]): Promise<CandidateRow[]> {
  return db
    .select()
    .from(candidateTable)
    .where(inArray(candidateTable.id, [...ids]));
}

/** Every candidacy (current and ended) of each person. */
export function candidaciesOfPeople(db: Db, personIds: readonly number[]): Promise<CandidateRow[]> {
  return db
    .select()
    .from(candidateTable)
    .where(inArray(candidateTable.personId, [...personIds]))
    .orderBy(asc(candidateTable.startedOn));
}
