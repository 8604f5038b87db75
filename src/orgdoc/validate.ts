import type { Day } from '../core/org/state.js';
import type { Db } from '../db/client.js';
import type { UserErrorData } from '../writes/errors.js';
import { Problems } from './errors.js';
import { documentKeys } from './references.js';
import { checkAorOwners } from './rules/aors.js';
import type { RuleContext } from './rules/context.js';
import { checkDuplicates } from './rules/duplicates.js';
import { checkLayers, checkMembers } from './rules/hierarchy.js';
import { checkManagerCycles } from './rules/managers.js';
import { checkReferences } from './rules/references.js';
import { checkCandidatesHoldingSeat, checkSeatStarts } from './rules/seats.js';
import { type ParsedDocument, parseDocumentShape } from './shape.js';
import { loadSnapshot, type Snapshot } from './snapshot.js';

const RULES: ReadonlyArray<(ctx: RuleContext) => void> = [
  checkDuplicates,
  checkReferences,
  checkLayers,
  checkMembers,
  checkManagerCycles,
  checkSeatStarts,
  checkCandidatesHoldingSeat,
  checkAorOwners,
];

export interface CheckedDocument {
  /** Every problem found; empty when the document can be imported. */
  problems: UserErrorData[];
  doc: ParsedDocument;
  snapshot: Snapshot;
}

/**
 * Checks a whole document against itself and the database, collecting every problem.
 * Entries that fail the shape check are left out of the later rules (their problems are
 * already reported), so one typo does not cascade into a page of errors.
 */
export async function checkOrgDocument(
  db: Db,
  input: unknown,
  today: Day,
): Promise<CheckedDocument> {
  const problems = new Problems();
  const doc = parseDocumentShape(input, problems);
  const snapshot = await loadSnapshot(db, documentKeys(doc));
  const ctx: RuleContext = { doc, snapshot, today, problems };
  for (const rule of RULES) rule(ctx);
  return { problems: problems.list, doc, snapshot };
}

/** Validates without writing: the problems an import of this document would report. */
export async function validateOrgDocument(
  db: Db,
  input: unknown,
  options: { today: Day },
): Promise<UserErrorData[]> {
  return (await checkOrgDocument(db, input, options.today)).problems;
}
