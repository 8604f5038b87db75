import type { Day } from '../core/org/state.js';
import type { MembershipRow, PersonRow } from '../db/tables.js';
import { endRows, lastDayOf, openRow } from '../writes/dated.js';
import type { Draft } from '../writes/draft.js';
import { UserInputError } from '../writes/errors.js';
import {
  heldFrom,
  heldOn,
  isCurrentIn,
  refuseBeforePlannedEnd,
  requirePerson,
  requireTeamUnit,
  requireUnitFrom,
  requireUnitOn,
} from '../writes/lookup.js';

export interface SetTeamInput {
  email: string;
  /** A TEAM's slug; null leaves the current team. */
  team: string | null;
  /** First day of the change (default: the write's day). */
  on?: Day | null;
}

export interface TeamChange {
  person: PersonRow | null;
  membership: MembershipRow | null;
  ended: MembershipRow | null;
}

/**
 * Moves a person to a team (or off their team) from `on`, not before the team's creation:
 * the membership in force then ends the day before, the new one starts on `on`; a membership
 * planned to start later is a CONFLICT. A person is on at most one team at a time, whatever
 * order dated moves come in.
 */
export function setTeam(w: Draft, input: SetTeamInput): TeamChange {
  const on = input.on ?? w.today;
  const person = requirePerson(w, input.email, 'email', on);
  const team =
    input.team === null
      ? null
      : requireTeamUnit(requireUnitOn(w, input.team, 'team', on, 'on'), 'team', 'members');
  const rows = w.memberships.where('person', person.id);
  const current = rows.find(isCurrentIn(w)) ?? null;
  // Already so only from `on`: a move to this team planned for later is not (openRow refuses
  // a move before it, naming it).
  if (team && current?.unitId === team.id && current.startedOn <= on) {
    w.keep('memberships');
    return { person, membership: current, ended: null };
  }
  if (!team && !heldFrom(on, rows)) {
    const message = `${person.email} is not a member of any team`;
    throw UserInputError.of('team', message, 'NOT_FOUND');
  }
  if (!team) {
    // Leaving is dated on the history of the team left that day (else the one joined later):
    // not before it was created. A move planned to a team made since is only withdrawn.
    const held = rows.find(heldOn(on)) ?? current;
    const left = held && w.units.get(held.unitId);
    if (left) requireUnitFrom(left, on, 'on');
    const ended = endRows(w.memberships, rows, on, { today: w.recordedUntil, path: 'on' });
    return { person, membership: null, ended: ended.find((m) => m.id === held?.id) ?? null };
  }
  refuseBeforePlannedEnd(w, rows, on, 'on', (r) => r.unitId === team.id);
  const { row, ended } = openRow(
    w.memberships,
    rows,
    {
      unitId: team.id,
      personId: person.id,
      startedOn: on,
      endedOn: lastDayOf(person.departedOn, on),
    },
    {
      path: 'on',
      today: w.recordedUntil,
      laterRow: (later) =>
        `${person.email} is on team "${w.units.get(later.unitId)?.slug}" from ${later.startedOn}; a move from ${on} must not come before that`,
      movesBack: (later) => later.unitId === team.id,
    },
  );
  return {
    person,
    membership: row,
    ended: ended.find((m) => m.id === current?.id) ?? ended[0] ?? null,
  };
}
