import { emailOfId, type RuleContext } from './context.js';

/** A person owns an AoR once: as its primary owner or as a backup, not both. */
export function checkAorOwners(ctx: RuleContext): void {
  for (const { index, value: aor } of ctx.doc.aors) {
    const stored = ctx.snapshot.aors.get(aor.slug);
    const primary =
      stored && ctx.snapshot.ownerships.get(stored.id)?.find((o) => o.role === 'PRIMARY');
    const currentOwner = primary && emailOfId(ctx, primary.personId);
    for (const [k, backup] of (aor.backups ?? []).entries()) {
      const path = `aors[${index}].backups[${k}]`;
      if (backup === aor.owner) {
        ctx.problems.add(path, `"${backup}" is the owner and cannot also be a backup`, 'CONFLICT');
      } else if (!aor.owner && backup === currentOwner) {
        const message = `"${backup}" is the current owner of "${aor.slug}"; name a new owner to make them a backup`;
        ctx.problems.add(path, message, 'CONFLICT');
      }
    }
  }
}
