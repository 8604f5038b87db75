import { compareText, isPresentOn } from '../core/org/as-of.js';
import { earlierDay } from '../core/org/days.js';
import { inForceOn } from '../core/org/in-force.js';
import { comparePeople } from '../core/org/lookup.js';
import type { Day } from '../core/org/state.js';
import type {
  AorOwnershipRow,
  AorRow,
  CandidateRow,
  MembershipRow,
  PersonRow,
  SeatAssignmentRow,
} from '../db/tables.js';
import { endRows, refuseErasing } from '../writes/dated.js';
import type { Draft } from '../writes/draft.js';
import { UserInputError } from '../writes/errors.js';
import { requireKnownPerson } from '../writes/lookup.js';

export interface RecordDepartureInput {
  email: string;
  /** Their first day gone (default: the write's day). */
  on?: Day | null;
}

export interface EndedOwnership {
  aor: AorRow;
  ownership: AorOwnershipRow;
}

export interface Departure {
  person: PersonRow | null;
  /** The later departure day this one brought forward (null: none was recorded). */
  replacedDepartedOn: Day | null;
  endedSeats: SeatAssignmentRow[];
  endedMemberships: MembershipRow[];
  endedAorOwnerships: EndedOwnership[];
  endedCandidacies: CandidateRow[];
  orphanedReports: PersonRow[];
}

export const noDeparture: Departure = {
  person: null,
  replacedDepartedOn: null,
  endedSeats: [],
  endedMemberships: [],
  endedAorOwnerships: [],
  endedCandidacies: [],
  orphanedReports: [],
};

const byStartThenId = <R extends { startedOn: string; id: number }>(a: R, b: R) =>
  a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : a.id - b.id;

/**
 * Records that a person leaves on `on` (their first day gone) and ends every seat
 * assignment, AoR ownership, succession candidacy and team membership of theirs in force
 * on `on` or planned later; nothing is deleted. Their direct reports' lines are left as they
 * are (a report's new manager is a decision of its own, dated with `setManager`);
 * `orphanedReports` lists those reporting to them on `on`. A departure already recorded for
 * a later day is brought forward (they leave sooner than planned: what a plan's "what if they
 * left on `on`?" asks too); one recorded for `on` or before is a CONFLICT, since what it ended
 * cannot be given back.
 */
export function recordDeparture(w: Draft, input: RecordDepartureInput): Departure {
  const on = input.on ?? w.today;
  const person = requireKnownPerson(w, input.email, 'email');
  if (person.departedOn && person.departedOn <= on) {
    const message = `${person.email}'s departure is already recorded (on ${person.departedOn})`;
    throw UserInputError.of('email', message, 'CONFLICT');
  }
  if (person.startedOn && on < person.startedOn) {
    const message = `must not be before their start (${person.startedOn})`;
    throw UserInputError.of('on', message, 'VALIDATION');
  }
  const mine = <R extends { personId: number }>(table: { where(i: 'person', k: number): R[] }) =>
    table.where('person', person.id);
  const lines = linesStartingFrom(w, person, on);
  // History is what began before the write's day, and before today for a scenario evaluated
  // on a later day: what is planned in between is withdrawn, as applying it today would.
  const recorded = earlierDay(w.today, w.recordedUntil);
  const rows = [
    ...mine(w.seatAssignments),
    ...mine(w.memberships),
    ...mine(w.aorOwnerships),
    ...mine(w.candidates),
    // A line from today is withdrawn whatever the day (an import names a manager today).
    ...lines.filter((line) => line.startedOn < recorded),
  ];
  // Checked over every history at once: the refusal names the earliest start of them.
  refuseErasing(rows, on, recorded, 'on');
  const ownerships = endRows(w.aorOwnerships, mine(w.aorOwnerships), on);
  endRows(w.reportingLines, lines, on);
  return {
    replacedDepartedOn: person.departedOn,
    person: w.people.update(person, { departedOn: on }),
    endedSeats: endRows(w.seatAssignments, mine(w.seatAssignments), on).sort(byStartThenId),
    endedMemberships: endRows(w.memberships, mine(w.memberships), on).sort(byStartThenId),
    endedAorOwnerships: ownerships
      .map((ownership) => ({ aor: w.aors.get(ownership.aorId) as AorRow, ownership }))
      .sort((a, b) => compareText(a.aor.slug, b.aor.slug)),
    endedCandidacies: endRows(w.candidates, mine(w.candidates), on).sort(byStartThenId),
    orphanedReports: reportsOn(w, person.id, on).sort(comparePeople),
  };
}

/**
 * The reporting lines, theirs and those to them, that would start once the person is gone:
 * withdrawn (`setManager` refuses a departed manager, so the history is the same whichever
 * write came first), or, begun already, a departure dated too early (`refuseErasing`).
 * Lines in force before stay, a departed manager remaining manager of record.
 */
function linesStartingFrom(w: Draft, person: PersonRow, on: Day) {
  const lines = [
    ...w.reportingLines.where('person', person.id),
    ...w.reportingLines.where('manager', person.id),
  ];
  return lines.filter((line) => line.startedOn >= on);
}

/** The people reporting to a manager on `day` and present then. */
function reportsOn(w: Draft, managerId: number, day: Day): PersonRow[] {
  return w.reportingLines
    .where('manager', managerId)
    .filter((line) => inForceOn(line, day))
    .flatMap((line) => w.people.get(line.personId) ?? [])
    .filter((p) => isPresentOn(p, day));
}
