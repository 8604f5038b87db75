import { roleOpenFrom, roleOpenOn } from '../core/org/in-force.js';
import type { Day, OrgHistory } from '../core/org/state.js';
import type { OpenRoleRow, Readiness, Seat } from '../db/tables.js';
import { recordDeparture } from '../people/departure-writes.js';
import { setTeam } from '../people/team-writes.js';
import { type PolicyChange, setPolicy } from '../policy/writes.js';
import { fillRole, saveRole } from '../roles/writes.js';
import { assignSeat, vacateSeat } from '../seats/writes.js';
import { addCandidate } from '../succession/writes.js';
import { moveUnit } from '../units/writes.js';
import { Draft, seatKey } from '../writes/draft.js';
import { UserInputError } from '../writes/errors.js';
import { requireUnit } from '../writes/lookup.js';

/**
 * One hypothetical change of a planning scenario (SPEC §2 "Scenarios"): exactly one of the
 * fields is set; people by email, units by slug.
 */
export interface ScenarioChange {
  depart?: { person: string; on?: Day | null };
  assignSeat?: { unit: string; seat: Seat; person: string; acting?: boolean | null };
  vacateSeat?: { unit: string; seat: Seat };
  setTeam?: { person: string; team: string | null };
  moveUnit?: { unit: string; parent: string };
  addCandidate?: { unit: string; seat: Seat; person: string; readiness: Readiness };
  hire?: { unit: string; seat: Seat; name?: string | null };
  /** "What if our span limit were 8?": the policy from `on` (default: the day asked). */
  setPolicy?: PolicyChange;
}

export const CHANGE_KINDS = [
  'depart',
  'assignSeat',
  'vacateSeat',
  'setTeam',
  'moveUnit',
  'addCandidate',
  'hire',
  'setPolicy',
] as const satisfies ReadonlyArray<keyof ScenarioChange>;

/** A change that does not apply to the org as it stands, with why, in one sentence. */
export interface ScenarioConflict {
  index: number;
  message: string;
}

/**
 * How a `hire` is made: in a plan, a placeholder person takes the seat; applied to the real
 * org, the seat gets an OPEN role (hiring), since the person is not known yet.
 */
export type ChangeMode = 'plan' | 'apply';

const SEAT_NAME: Record<Seat, string> = { ENG_LEAD: 'Eng Lead', TECH_LEAD: 'Tech Lead' };

/**
 * A hire (SPEC "Scenario hires"): in a plan, the plan's end state — a placeholder person
 * takes the seat, replacing any holder as `assignSeat` does; applied, what can be recorded
 * today — an OPEN role on the seat (a holder keeps it until the hire joins).
 */
function hire(
  w: Draft,
  change: NonNullable<ScenarioChange['hire']>,
  index: number,
  mode: ChangeMode,
) {
  const unit = requireUnit(w, change.unit, 'unit');
  if (mode === 'apply') return saveRole(w, { unit: unit.slug, seat: change.seat, status: 'OPEN' });
  const person = w.people.insert({
    email: `new-hire-${index + 1}@scenario.invalid`,
    name: change.name ?? `New hire (${unit.name} ${SEAT_NAME[change.seat]})`,
    title: null,
    level: null,
    managerId: null,
    startedOn: w.today,
    departedOn: null,
  });
  // The org once the hire joins: applied, a seat already hiring names its open role for the
  // hire, and the hire fills it; so here too, and the seat is no longer hiring.
  const role = w.openRoles
    .where('seat', seatKey(unit.id, change.seat))
    .find((r) => roleOpenOn(r, w.today));
  if (role) return fillRole(w, { id: role.id, person: person.email });
  return assignSeat(w, { unit: unit.slug, seat: change.seat, person: person.email });
}

/** Runs one change through the write rules of the mutations. */
function applyChange(w: Draft, change: ScenarioChange, index: number, mode: ChangeMode): void {
  const { depart, assignSeat: assign, vacateSeat: vacate, setTeam: team, moveUnit: move } = change;
  if (depart) recordDeparture(w, { email: depart.person, on: depart.on });
  else if (assign) assignSeat(w, assign);
  else if (vacate) vacateSeat(w, vacate);
  else if (team) setTeam(w, { email: team.person, team: team.team });
  else if (move) moveUnit(w, { slug: move.unit, parent: move.parent });
  else if (change.addCandidate) addCandidate(w, change.addCandidate);
  else if (change.hire) hire(w, change.hire, index, mode);
  else if (change.setPolicy) setPolicy(w, change.setPolicy);
}

/**
 * The role of each hire's seat once a scenario is applied, in the order of the changes: the
 * one open today (though filled or cancelled from a later day), else one planned to open.
 */
export function rolesOfHires(w: Draft, changes: readonly ScenarioChange[]): OpenRoleRow[] {
  return changes.flatMap(({ hire }) => {
    const unit = hire && w.units.find('slug', hire.unit);
    if (!hire || !unit) return [];
    const roles = w.openRoles.where('seat', seatKey(unit.id, hire.seat));
    // One per hire: the role open today, else the one planned to open later.
    const role =
      roles.find((r) => roleOpenOn(r, w.today)) ?? roles.find((r) => roleOpenFrom(r, w.today));
    return role ? [role] : [];
  });
}

/** Why a change that changed nothing does not apply: it is already so. */
function alreadySo(change: ScenarioChange): string {
  if (change.assignSeat) {
    const { person, seat, unit } = change.assignSeat;
    return `${person} already holds the ${SEAT_NAME[seat]} seat of "${unit}"`;
  }
  if (change.setTeam) {
    const { person, team } = change.setTeam;
    return team ? `${person} is already on team "${team}"` : `${person} is on no team`;
  }
  if (change.moveUnit)
    return `"${change.moveUnit.unit}" is already under "${change.moveUnit.parent}"`;
  if (change.setPolicy) return 'the policy in force is already so';
  return 'it changes nothing';
}

/**
 * Applies a scenario's changes in order to a draft of the org. A change that no longer
 * applies — its rule refuses it, or it would change nothing — is a conflict and is skipped;
 * nothing is silently dropped. The changes at `skip` (conflicts found already) are left out;
 * `partly` hears the conflicts refused once they had written to the draft.
 */
export function applyChanges(
  w: Draft,
  changes: readonly ScenarioChange[],
  mode: ChangeMode,
  skip: ReadonlySet<number> = new Set(),
  partly?: Set<number>,
): ScenarioConflict[] {
  const conflicts: ScenarioConflict[] = [];
  for (const [index, change] of changes.entries()) {
    if (skip.has(index)) continue;
    const revision = w.revision;
    try {
      applyChange(w, change, index, mode);
      // A hire applied where a role is already open is already hiring: not a conflict.
      if (w.revision === revision && !change.hire) {
        conflicts.push({ index, message: alreadySo(change) });
      }
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      const message = error.userErrors.map((e) => e.message).join('; ');
      conflicts.push({ index, message });
      // Refused once it had written to the draft: `partly` hears it (plannedChanges).
      if (w.revision !== revision) partly?.add(index);
    }
  }
  return conflicts;
}

/**
 * The plan of a scenario on a day, and every change that conflicts in it or would conflict
 * once applied. The two differ only by hires: planned, a placeholder takes the seat; applied,
 * the seat is hiring and its holder stays, so a later change may hold in one and not the other
 * (the holder named a successor, the placeholder named at all). A change conflicting once
 * applied is a conflict of the plan too, left out of it: so an evaluation without conflicts
 * is a scenario `applyScenario` records, and their conflicts are the same. `recorded`: the
 * conflicts of the changes applied, when they were (`applyScenario` applies them anyway).
 */
export function plannedChanges(
  history: OrgHistory,
  day: Day,
  changes: readonly ScenarioChange[],
  {
    idBase = 0,
    recordedUntil = day,
    recorded = changes.some((change) => change.hire)
      ? applyChanges(new Draft(history, day, 0, recordedUntil), changes, 'apply')
      : [],
  }: { idBase?: number; recordedUntil?: Day; recorded?: ScenarioConflict[] } = {},
): { draft: Draft; conflicts: ScenarioConflict[] } {
  const known = [...recorded];
  for (;;) {
    const draft = new Draft(history, day, idBase, recordedUntil);
    const partly = new Set<number>();
    const planned = applyChanges(
      draft,
      changes,
      'plan',
      new Set(known.map((c) => c.index)),
      partly,
    );
    if (partly.size === 0) {
      return { draft, conflicts: [...known, ...planned].sort((a, b) => a.index - b.index) };
    }
    // A change refused part-way had written to the draft (a hire filling the seat's open role,
    // then refused the seat): the plan is made again without it, as any conflict is skipped.
    known.push(...planned.filter((c) => partly.has(c.index)));
  }
}
