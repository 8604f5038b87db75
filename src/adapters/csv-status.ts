import { plain } from './csv-headers.js';

/**
 * The column HR systems give a person's employment status in: BambooHR's `Status`, HiBob's
 * `Lifecycle status`, Workday's `Worker Status`, Rippling's `Employment status`.
 */
const STATUS = /^(employment|employee|worker|lifecycle|user)?status$/;

/**
 * What they write there for someone who has left. Not `Suspended` (Google Workspace suspends
 * an account for other reasons too) nor a leave of absence: both may come back.
 */
const GONE = /^(terminated|inactive|former|separated|departed|left|leaver|offboarded)$/;

/** The status column of a header, -1 if it has none. */
export const statusColumn = (header: string[]) => header.findIndex((h) => STATUS.test(plain(h)));

/**
 * Why a row must be looked at: its status says the person has left, while no departure date
 * says when, so the import keeps them as here (it records a departure only from its day).
 */
export function goneWithoutDate(status: string | undefined, departedOn: unknown): string | null {
  const said = status?.trim() ?? '';
  if (departedOn || !GONE.test(said.toLowerCase())) return null;
  return `"${said}" but no departure date: imported as still here (give departure_date, their first day gone, or leave the row out)`;
}
