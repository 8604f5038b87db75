import type { AorOwnershipRow, AorRow, PersonRow, UnitRow } from '../db/tables.js';
import type { Draft } from '../writes/draft.js';
import { Checks, UserInputError } from '../writes/errors.js';
import { aorUnitOn, heldOn, isCurrentIn, requireAor, requireUnit } from '../writes/lookup.js';
import { requireOwners } from './owners.js';
import {
  type AorChange,
  addAorBackup,
  type CreateAorInput,
  createAor,
  moveAor,
  ownershipsOf,
  setAorOwner,
  updateAor,
} from './writes.js';

/**
 * Whether `person` owns the AoR today (as `role`, or in any role), an end or a successor
 * recorded for a later day or not: stated again by an import, that is already so.
 */
const ownsToday = (w: Draft, aor: AorRow, person: PersonRow, role?: AorOwnershipRow['role']) =>
  ownershipsOf(w, aor).some(
    (r) => r.personId === person.id && (!role || r.role === role) && heldOn(w.today)(r),
  );

/**
 * Creates an AoR or updates the one with its slug, and adds the owners it names (an
 * import: owners it does not name stay, backups are added, never removed).
 */
export function saveAor(w: Draft, input: CreateAorInput): AorChange {
  if (!w.aors.find('slug', input.slug)) return createAor(w, input);
  const stored = requireAor(w, input.slug, 'slug');
  const checks = new Checks();
  const unit = checks.run(() => requireUnit(w, input.unit, 'unit'));
  const { owner, backups } = requireOwners(w, input, checks);
  const primary = ownershipsOf(w, stored).find(
    (row) => row.role === 'PRIMARY' && isCurrentIn(w)(row),
  );
  (input.backups ?? []).forEach((email, i) => {
    if (owner || w.people.get(primary?.personId ?? 0)?.email !== email) return;
    const message = `"${email}" is the current owner of "${stored.slug}"; name a new owner to make them a backup`;
    checks.run(() => {
      throw UserInputError.of(`backups[${i}]`, message, 'CONFLICT');
    });
  });
  checks.done();
  updateAor(w, input);
  // In its unit today, a move recorded for later or not: stated again, that is so.
  if (aorUnitOn(w, stored, w.today) !== (unit as UnitRow).id) {
    placedAt('unit', () => moveAor(w, { slug: stored.slug, unit: input.unit }));
  }
  const aor = w.aors.get(stored.id) ?? stored;
  // The owner today is so, whatever is recorded for later days (an end, a successor).
  if (owner && ownsToday(w, aor, owner, 'PRIMARY')) w.keep('aorOwnerships');
  else if (owner) placedAt('owner', () => setAorOwner(w, { aor: aor.slug, person: owner.email }));
  backups.forEach((backup, i) => {
    if (ownsToday(w, aor, backup)) w.keep('aorOwnerships');
    else placedAt(`backups[${i}]`, () => addAorBackup(w, { aor: aor.slug, person: backup.email }));
  });
  return { aor: w.aors.get(aor.id) ?? aor };
}

/** Runs an owner write of `saveAor`, a refusal placed at the field of its input it serves. */
function placedAt(field: string, write: () => unknown): void {
  try {
    write();
  } catch (error) {
    if (error instanceof UserInputError) throw error.located(() => field);
    throw error;
  }
}
