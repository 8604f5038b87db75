import { plain, squash } from './csv-headers.js';

/**
 * The columns HR systems give a person's employment status in: BambooHR's `Status`, HiBob's
 * `Lifecycle status`, Workday's `Worker Status`, Rippling's `Employment status`, ADP's
 * `Position Status`, PeopleSoft's `Empl Status`. A file may have two (Gusto's `Employment
 * Status` is full- or part-time, its `Status` active or not): each is read.
 */
const STATUS = /^(employment|employee|worker|lifecycle|user|position|emp|empl)?status$/;
/** PeopleSoft's `EMPL_STATUS`, which writes a code of one letter. */
const PEOPLESOFT = 'emplstatus';

/**
 * What they write there for someone who has left, punctuation and case aside (`Off-boarded`,
 * `Terminated - Voluntary`). Not `Suspended` (Google Workspace suspends an account for other
 * reasons too), `Terminating` or a leave of absence: each may still be here.
 */
const GONE =
  /^(terminated.*|inactive|former|formeremployee|exemployee|separated|departed|left|leaver|offboarded|resigned|retired|deceased|dismissed)$/;
/** What they write for someone still here. */
const HERE = /^(active|employed)$/;
/**
 * PeopleSoft's codes: D deceased, Q and X retired with pay or pension, R retired, T, U and
 * V terminated (with pay, pension paid out); A active. L, P, S and W (leaves, suspended, a
 * short break) may come back.
 */
const CODES = { gone: /^[dqrtuvx]$/, here: /^a$/ };

/** The status columns of a header. */
export const statusColumns = (header: string[]) =>
  header.flatMap((h, i) => (STATUS.test(plain(h)) ? [i] : []));

/**
 * Why a row's status must be looked at, if it must: it says the person left while no
 * departure date says when (they are imported as still here: an import records a departure
 * only from its day), or says they are here while their departure date says they are gone.
 */
export function statusAtOdds(
  { header, said }: { header: string; said: string },
  departure: { cell: string; day: string | null | undefined },
  today: string | undefined,
): string | null {
  const status = squash(said);
  const { gone, here } = plain(header) === PEOPLESOFT ? CODES : { gone: GONE, here: HERE };
  if (gone.test(status) && departure.cell === '') {
    return `"${said.trim()}" but no departure date: imported as still here (give departure_date, their first day gone, or leave the row out)`;
  }
  const { day } = departure;
  if (here.test(status) && day && today && day <= today) {
    return `"${said.trim()}" but gone from ${day} (departure_date): imported as gone`;
  }
  return null;
}
