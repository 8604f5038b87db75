import { addDays, laterDay } from '../core/org/days.js';
import type { Day } from '../core/org/state.js';
import type { DraftTable } from './draft-table.js';
import { UserInputError } from './errors.js';

/** A dated history row: seat assignment, team membership, AoR ownership, candidacy. */
export interface DatedRow {
  id: number;
  startedOn: Day;
  /** The last day in force, inclusive; null while open-ended. */
  endedOn: Day | null;
}

/**
 * The last day of a row that stops from `on` (its first day without it): the day before;
 * for a row that only starts later, the day before its own start, so it is kept as
 * history but never in force. The one "ends the day before" rule of every history.
 */
function lastDayBefore(row: Pick<DatedRow, 'startedOn'>, on: Day): Day {
  return addDays(laterDay(row.startedOn, on), -1);
}

/** Whether a row is in force on `on` or on any later day. */
export function inForceFrom(row: DatedRow, on: Day): boolean {
  return row.endedOn === null || row.endedOn >= laterDay(row.startedOn, on);
}

/** Whether a row is ever in force (a row ended before its start never is). */
export function everInForce(row: DatedRow): boolean {
  return row.endedOn === null || row.endedOn >= row.startedOn;
}

/**
 * Refuses to end `rows` from `on` where that would erase history rather than end it: a row
 * that began on a past day and starts on or after `on` would be withdrawn, never in force
 * though it was (VALIDATION at `path`, naming the earliest such start). A row that begins
 * today or later is not history yet: today's change taken back (a leaver recorded on their
 * real, earlier day, whom today's import still placed on a team), or a plan withdrawn.
 */
export function refuseErasing(
  rows: readonly DatedRow[],
  on: Day,
  today: Day,
  path: string,
  what = 'what it would end',
) {
  const begun = firstErased(rows, on, today)?.startedOn;
  if (begun === undefined) return;
  const message = `must be after ${begun}: ${what} had begun then, and history is kept`;
  throw UserInputError.of(path, message, 'VALIDATION');
}

/** The earliest row ending from `on` would erase: begun on a past day, on `on` or after. */
export function firstErased<R extends DatedRow>(
  rows: readonly R[],
  on: Day,
  today: Day,
): R | undefined {
  return rows
    .filter((row) => on <= row.startedOn && row.startedOn < today && everInForce(row))
    .sort((a, b) => (a.startedOn < b.startedOn ? -1 : 1))[0];
}

/**
 * Refuses to end, from `on`, what began on `start` — a unit archived, an AoR retired, a role
 * closed — where that would erase it, as `refuseErasing` refuses for a row.
 */
export function refuseErasingFrom(start: Day, on: Day, today: Day, path: string): void {
  refuseErasing([{ id: 0, startedOn: start, endedOn: null }], on, today, path);
}

/**
 * Ends every row in force from `on` (and withdraws those planned to start later). With
 * `kept` — an end a caller dated, its field's path — refuses first to erase history
 * (`refuseErasing`).
 */
export function endRows<R extends DatedRow>(
  table: DraftTable<R>,
  rows: R[],
  on: Day,
  kept?: { today: Day; path: string },
): R[] {
  if (kept) refuseErasing(rows, on, kept.today, kept.path);
  return rows
    .filter((row) => inForceFrom(row, on))
    .map((row) => table.update(row, { endedOn: lastDayBefore(row, on) } as Partial<R>));
}

/** Where a new row's start was given, and why it may not start before a later row. */
export interface RowStart<R> {
  /** The start's field (`startedOn`, `on`): where a refusal is told. */
  path: string;
  /** The day history is recorded until (the write's day): rows begun by then are kept. */
  today: Day;
  /** Why the new row may not start before `later`: names both rows' dates. */
  laterRow: (later: R) => string;
  /**
   * Rows of another history the caller ends from the new row's start (a new holder's
   * candidacy for the seat), and what they are in a refusal: checked here, after the later
   * row, before anything is written.
   */
  alsoEnding?: { rows: readonly DatedRow[]; what: string };
  /**
   * A row set again from the first day of the one in force corrects it (a policy's values
   * for its period: an exported policy edited and imported again), though it began on a
   * past day; the corrected row is kept, ended the day before it began.
   */
  correctsSameDay?: boolean;
  /**
   * Whether a later row is the same holding as the new one (the same holder, team, owner):
   * begun today (today's change, not history yet; a plan for a later day stays refused) and
   * ending as the new one would, it is withdrawn and its start moves back (a promotion made
   * today, dated back) rather than refused.
   */
  movesBack?: (later: R) => boolean;
}

/** A later row a change from an earlier day moves back: the same value, begun today. */
export const movedBack = <R extends DatedRow>(
  row: R,
  today: Day,
  end: Day | null,
  same: ((row: R) => boolean) | undefined,
) => row.startedOn === today && row.endedOn === end && same?.(row) === true;

/** Withdraws rows moved back: kept, ended the day before they began. */
export function withdraw<R extends DatedRow>(table: DraftTable<R>, rows: readonly R[]): void {
  for (const row of rows) table.update(row, { endedOn: addDays(row.startedOn, -1) } as Partial<R>);
}

/**
 * Opens a row of one history (the rows of one seat, of one person's team memberships…),
 * keeping the invariant that no two of them are in force on the same day, whatever order
 * dated writes arrive in: rows that started on or before the new row's start and are still
 * in force then end the day before it; a row that starts after it and would overlap it
 * refuses the date given (VALIDATION naming both dates): the new row cannot be fitted in
 * without rewriting that planned change, which is for a separate, explicit write — unless it
 * is the same holding begun today (`movesBack`), whose start moves back. A row
 * starting the same day is replaced before it ever took effect only when it starts today or
 * later (a same-day change taken back, a plan changed): one begun on a past day is refused
 * (`refuseErasing`) — replaced from its own first day, its whole run would be erased.
 */
export function openRow<R extends DatedRow>(
  table: DraftTable<R>,
  history: R[],
  values: Omit<R, 'id'>,
  { path, today, laterRow, alsoEnding, correctsSameDay = false, movesBack }: RowStart<R>,
): { row: R; ended: R[] } {
  const start = values.startedOn;
  const end = values.endedOn;
  const laterRows = history.filter(
    (row) => row.startedOn > start && everInForce(row) && (end === null || row.startedOn <= end),
  );
  const later = laterRows.find((row) => !movedBack(row, today, end, movesBack));
  if (later) throw UserInputError.of(path, laterRow(later), 'VALIDATION');
  if (alsoEnding) refuseErasing(alsoEnding.rows, start, today, path, alsoEnding.what);
  const before = history.filter((row) => row.startedOn <= start);
  const ended = endRows(table, before, start, correctsSameDay ? undefined : { today, path });
  // Last, once nothing is refused: a scenario's change refused leaves its draft as it was.
  withdraw(table, laterRows);
  return { row: table.insert(values), ended };
}

/** The last day a person present from `start` can hold anything, given their departure. */
export function lastDayOf(departedOn: Day | null, start: Day): Day | null {
  return departedOn === null ? null : lastDayBefore({ startedOn: start }, departedOn);
}

/**
 * Whether a row is its person's current one on `today`: open-ended, or running until their
 * departure still to come (recorded ahead, it ends every row then open the day before it).
 * Such a row is the same holding again to a write that names it again (an import run twice).
 */
export function runsToTheirEnd(row: DatedRow, departedOn: Day | null, today: Day): boolean {
  if (row.endedOn === null) return true;
  if (departedOn === null || departedOn <= today || !everInForce(row)) return false;
  return row.endedOn === lastDayOf(departedOn, row.startedOn);
}

/**
 * A unit's or an AoR's history starts on its creation: nothing of it is placed before
 * (`what` names it in the message: `unit "db"`, `AoR "queue"`).
 */
export function requireCreatedBy(
  what: string,
  { createdOn }: { createdOn: Day },
  on: Day,
  path: string,
): void {
  if (createdOn > on) {
    throw UserInputError.of(path, `${what} is created on ${createdOn}, after ${on}`, 'VALIDATION');
  }
}
