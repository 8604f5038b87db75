import { roleOpenFrom } from '../core/org/in-force.js';
import type { Day } from '../core/org/state.js';
import type { UnitRow } from '../db/tables.js';
import { inForceFrom } from '../writes/dated.js';
import type { Draft } from '../writes/draft.js';

const SEAT_LABEL = { ENG_LEAD: 'Eng Lead', TECH_LEAD: 'Tech Lead' } as const;

const byText =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Whether a thing ending on `endsOn` (null: never) is still there on `on`. */
const stillThere = (endsOn: Day | null, on: Day) => endsOn === null || endsOn > on;

/**
 * Everything that still hangs under a unit on `on` or later: active child units, seat
 * holders, members, active AoRs and open roles, each as one sentence naming it, so an
 * admin sees the whole to-do list at once.
 */
export function archiveBlockers(w: Draft, unit: UnitRow, on: Day): string[] {
  const email = (personId: number) => w.people.get(personId)?.email ?? '?';
  // Units under it on `on` or later, by the parents' history (a move planned ahead counts).
  const children = w.unitParents
    .where('parent', unit.id)
    .filter((row) => inForceFrom(row, on))
    .flatMap((row) => w.units.get(row.unitId) ?? [])
    .filter((child, i, all) => all.indexOf(child) === i && stillThere(child.archivedOn, on))
    .sort(byText((u) => u.slug))
    .map((c) => `active child ${c.layer} "${c.slug}" (move or archive it first)`);
  const holders = (['ENG_LEAD', 'TECH_LEAD'] as const).flatMap((seat) =>
    w.seatAssignments
      .where('seat', `${unit.id}:${seat}`)
      .filter((row) => inForceFrom(row, on))
      .sort(byText((row) => row.startedOn))
      .map(
        (h) =>
          `its ${SEAT_LABEL[seat]} seat is held by ${email(h.personId)} from ${h.startedOn} (vacate it first)`,
      ),
  );
  const members = w.memberships
    .where('unit', unit.id)
    .filter((row) => inForceFrom(row, on))
    .map((m) => ({ email: email(m.personId), from: m.startedOn }))
    .sort(byText((m) => m.email))
    .map((m) => `${m.email} is a member from ${m.from} (move them first)`);
  // AoRs in it on `on` or later, by their units' history (a move planned ahead counts).
  const aors = w.aorUnits
    .where('unit', unit.id)
    .filter((row) => inForceFrom(row, on))
    .flatMap((row) => w.aors.get(row.aorId) ?? [])
    .filter((aor, i, all) => all.indexOf(aor) === i && stillThere(aor.retiredOn, on))
    .sort(byText((a) => a.slug))
    .map((a) => `AoR "${a.slug}" is active (move or retire it first)`);
  const roles = w.openRoles
    .where('unit', unit.id)
    .filter((role) => roleOpenFrom(role, on))
    .sort(byText((r) => `${r.seat} ${r.openedOn}`))
    .map((r) => `an OPEN ${r.seat} role opened on ${r.openedOn} (fill or cancel it first)`);
  return [...children, ...holders, ...members, ...aors, ...roles].map(
    (blocker) => `cannot archive "${unit.slug}": ${blocker}`,
  );
}
