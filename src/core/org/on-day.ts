import { appendTo } from '../collections.js';
import { overlayOf } from '../overlay-map.js';
import type { AorState, OrgState, PersonState } from './state.js';
import { stateIndex } from './state-index.js';

/**
 * The facts a read asks of the org on a day beyond what the analyses ask (lookup.ts): each
 * an index of the state, built on first use, so a person's team or an AoR's owners on any
 * day come from the same state as that day's coverage and findings.
 */

const teamByPerson = stateIndex(
  (state): ReadonlyMap<number, number> => {
    const teams = new Map<number, number>();
    for (const [unitId, members] of state.members) {
      for (const personId of members) teams.set(personId, unitId);
    }
    return teams;
  },
  // A changed state's members differ only in the units it touched.
  (earlier, state, change) =>
    change.unitIds.size === 0
      ? earlier
      : overlayOf(earlier, (teams) => {
          for (const personId of change.formerMemberIds) {
            if (change.unitIds.has(earlier.get(personId) ?? -1)) teams.delete(personId);
          }
          for (const unitId of change.unitIds) {
            for (const personId of state.members.get(unitId) ?? []) teams.set(personId, unitId);
          }
        }),
);

/** The Team a person is a member of on the state's day (a person is on one at most). */
export function teamOf(state: OrgState, personId: number): number | null {
  return teamByPerson(state).get(personId) ?? null;
}

const aorIndexes = stateIndex((state) => {
  const byId = new Map<number, AorState>();
  const byUnit = new Map<number, AorState[]>();
  const byOwner = new Map<number, AorState[]>();
  // `state.aors` is in slug order, so every list is too.
  for (const aor of state.aors) {
    byId.set(aor.id, aor);
    appendTo(byUnit, aor.unitId, aor);
    if (aor.primaryOwnerId !== null) appendTo(byOwner, aor.primaryOwnerId, aor);
    for (const backup of aor.backupOwnerIds) appendTo(byOwner, backup, aor);
  }
  return { byId, byUnit, byOwner };
});

/** An AoR in force on the state's day (null: retired by then, or its unit archived). */
export function aorOn(state: OrgState, aorId: number): AorState | null {
  return aorIndexes(state).byId.get(aorId) ?? null;
}

/** A unit's AoRs in force, by slug. */
export function aorsOfUnit(state: OrgState, unitId: number): AorState[] {
  return aorIndexes(state).byUnit.get(unitId) ?? [];
}

/** The AoRs a person owns (primary or backup) on the state's day, by slug. */
export function aorsOwnedBy(state: OrgState, personId: number): AorState[] {
  return aorIndexes(state).byOwner.get(personId) ?? [];
}

const peopleByEmail = stateIndex((state) => {
  const byEmail = new Map<string, PersonState>();
  for (const person of state.people.values()) byEmail.set(person.email.toLowerCase(), person);
  return byEmail;
});

/** The person with this email, any case, departed or not: the one email lookup of reads. */
export function personWithEmail(state: OrgState, email: string): PersonState | null {
  return peopleByEmail(state).get(email.toLowerCase()) ?? null;
}
