import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { aorsByIds } from '../aors/data.js';
import { endFrom, inForceFrom } from '../db/history.js';
import {
  aorOwnershipTable,
  type CandidateRow,
  candidateTable,
  type MembershipRow,
  membershipTable,
  type PersonRow,
  personTable,
  type SeatAssignmentRow,
  seatAssignmentTable,
} from '../db/tables.js';
import { payloadType } from '../graphql/user-errors.js';
import { SeatAssignment } from '../seats/types.js';
import { SuccessionCandidate } from '../succession/types.js';
import type { UserErrorData } from '../writes/errors.js';
import { UserInputError } from '../writes/errors.js';
import { daySchema, refSchema } from '../writes/fields.js';
import { requireKnownPerson } from '../writes/lookup.js';
import type { Write } from '../writes/run.js';
import { Person } from './types.js';
import { EndedAorOwnership, type EndedOwnership, TeamMembership } from './write-types.js';

export const departureSchema = z.object({ email: refSchema, on: daySchema.nullish() });

export interface Departure {
  person: PersonRow | null;
  endedSeats: SeatAssignmentRow[];
  endedMemberships: MembershipRow[];
  endedAorOwnerships: EndedOwnership[];
  endedCandidacies: CandidateRow[];
  orphanedReports: PersonRow[];
}

export const noDeparture: Departure = {
  person: null,
  endedSeats: [],
  endedMemberships: [],
  endedAorOwnerships: [],
  endedCandidacies: [],
  orphanedReports: [],
};

export const RecordDeparturePayload = payloadType<Departure & { userErrors: UserErrorData[] }>(
  'RecordDeparturePayload',
  'The departed person and everything their departure ended (all kept as history).',
  (t) => ({
    person: t.expose('person', {
      type: Person,
      nullable: true,
      description: 'The person, with `departedOn` set.',
    }),
    endedSeats: t.expose('endedSeats', {
      type: [SeatAssignment],
      description: 'Their seat assignments, ended the day before they left.',
    }),
    endedMemberships: t.expose('endedMemberships', {
      type: [TeamMembership],
      description: 'Their team membership (and any planned one), ended.',
    }),
    endedAorOwnerships: t.expose('endedAorOwnerships', {
      type: [EndedAorOwnership],
      description: 'Their AoR ownerships, primary and backup, ended.',
    }),
    endedCandidacies: t.expose('endedCandidacies', {
      type: [SuccessionCandidate],
      description: 'Their succession candidacies, ended (confidential: PLANNER).',
    }),
    orphanedReports: t.expose('orphanedReports', {
      type: [Person],
      description:
        'Their direct reports still present: they keep this person as manager (history) ' +
        'until `setManager` gives them a new one.',
    }),
  }),
);

const byStartThenId = <R extends { startedOn: string; id: number }>(a: R, b: R) =>
  a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : a.id - b.id;

/**
 * Records that a person leaves on `on` (their first day gone) and, in the same transaction,
 * ends every seat assignment, AoR ownership, succession candidacy and team membership of
 * theirs in force on `on` or planned later: one set-based statement per table, nothing
 * deleted. Their direct reports keep them as manager: reporting lines have no history, so
 * clearing them would lose who they reported to; `orphanedReports` lists them instead.
 */
export async function recordDeparture(
  w: Write,
  input: z.output<typeof departureSchema>,
): Promise<Departure> {
  const on = input.on ?? w.today;
  const person = await requireKnownPerson(w.tx, input.email, 'input.email');
  if (person.departedOn) {
    const message = `${person.email}'s departure is already recorded (on ${person.departedOn})`;
    throw UserInputError.of('input.email', message, 'CONFLICT');
  }
  if (person.startedOn && on < person.startedOn) {
    const message = `must not be before their start (${person.startedOn})`;
    throw UserInputError.of('input.on', message, 'VALIDATION');
  }
  const [departed] = await w.tx
    .update(personTable)
    .set({ departedOn: on })
    .where(and(eq(personTable.id, person.id), isNull(personTable.departedOn)))
    .returning();
  if (!departed) {
    const message = `${person.email}'s departure was recorded by another change at the same time`;
    throw UserInputError.of('input.email', message, 'CONFLICT');
  }
  const endedSeats = await w.tx
    .update(seatAssignmentTable)
    .set(endFrom(seatAssignmentTable, on))
    .where(and(eq(seatAssignmentTable.personId, person.id), inForceFrom(seatAssignmentTable, on)))
    .returning();
  const ownerships = await w.tx
    .update(aorOwnershipTable)
    .set(endFrom(aorOwnershipTable, on))
    .where(and(eq(aorOwnershipTable.personId, person.id), inForceFrom(aorOwnershipTable, on)))
    .returning();
  const endedCandidacies = await w.tx
    .update(candidateTable)
    .set(endFrom(candidateTable, on))
    .where(and(eq(candidateTable.personId, person.id), inForceFrom(candidateTable, on)))
    .returning();
  const endedMemberships = await w.tx
    .update(membershipTable)
    .set(endFrom(membershipTable, on))
    .where(and(eq(membershipTable.personId, person.id), inForceFrom(membershipTable, on)))
    .returning();
  const aors = new Map(
    (await aorsByIds(w.tx, [...new Set(ownerships.map((o) => o.aorId))])).map((a) => [a.id, a]),
  );
  const endedAorOwnerships = ownerships.flatMap((ownership) => {
    const aor = aors.get(ownership.aorId);
    return aor ? [{ aor, ownership }] : [];
  });
  endedAorOwnerships.sort((a, b) =>
    a.aor.slug < b.aor.slug ? -1 : a.aor.slug > b.aor.slug ? 1 : 0,
  );
  const orphanedReports = await w.tx
    .select()
    .from(personTable)
    .where(
      and(
        eq(personTable.managerId, person.id),
        or(isNull(personTable.departedOn), gt(personTable.departedOn, on)),
      ),
    )
    .orderBy(asc(personTable.name), asc(personTable.email));
  const result = {
    person: departed,
    endedSeats: endedSeats.sort(byStartThenId),
    endedMemberships: endedMemberships.sort(byStartThenId),
    endedAorOwnerships,
    endedCandidacies: endedCandidacies.sort(byStartThenId),
    orphanedReports,
  };
  // One audit row: the person before, and a summary of everything the departure ended.
  w.record({
    personId: person.id,
    before: person,
    after: {
      person: departed,
      endedSeats,
      endedMemberships,
      endedAorOwnerships: ownerships,
      endedCandidacies,
      orphanedReportIds: orphanedReports.map((p) => p.id),
    },
  });
  return result;
}
