import type { PersonRow } from '../db/tables.js';
import type { Draft } from '../writes/draft.js';
import { type Checks, UserInputError } from '../writes/errors.js';
import { requirePerson } from '../writes/lookup.js';

interface Owners {
  owner: PersonRow | null;
  backups: PersonRow[];
}

/** What an AoR write names of its owners. */
interface Named {
  slug: string;
  owner?: string | null;
  backups?: string[] | null;
}

/**
 * The owners an AoR write names, every bad one reported at once: each must be present, the
 * primary owner is not also a backup, and no backup is listed twice (in any case of letters).
 */
export function requireOwners(w: Draft, input: Named, checks: Checks): Owners {
  const owner = input.owner
    ? checks.run(() => requirePerson(w, input.owner as string, 'owner', w.today))
    : null;
  const backups = (input.backups ?? []).map((email, i) =>
    checks.run(() => requirePerson(w, email, `backups[${i}]`, w.today)),
  );
  const listedAt = new Map<number, number>();
  backups.forEach((backup, i) => {
    if (!backup) return;
    const earlier = listedAt.get(backup.id);
    if (earlier === undefined) listedAt.set(backup.id, i);
    if (owner && backup.id === owner.id) {
      const message = `"${owner.email}" is the owner and cannot also be a backup`;
      checks.run(() => refuse(`backups[${i}]`, message, 'VALIDATION'));
    } else if (earlier !== undefined) {
      const message = `"${backup.email}" is already listed as a backup of "${input.slug}" (backups[${earlier}])`;
      checks.run(() => refuse(`backups[${i}]`, message, 'CONFLICT'));
    }
  });
  return { owner, backups: backups.filter((b): b is PersonRow => b !== null) };
}

function refuse(path: string, message: string, code: 'VALIDATION' | 'CONFLICT'): never {
  throw UserInputError.of(path, message, code);
}
