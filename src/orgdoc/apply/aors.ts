import { lastDayBefore } from '../../core/org/days.js';
import { type AorOwnershipRow, type AorRow, aorOwnershipTable, aorTable } from '../../db/tables.js';
import { insertRows, updateRows } from '../bulk.js';
import type { AorEntry } from '../document.js';
import { type ApplyContext, differs, idOf, keep } from './context.js';

const FIELDS = ['name', 'description', 'criticality', 'unitId'] as const;

function desiredAor(ctx: ApplyContext, aor: AorEntry, stored?: AorRow) {
  return {
    name: aor.name,
    description: keep(aor.description, stored?.description ?? null),
    criticality: aor.criticality ?? stored?.criticality ?? 'MEDIUM',
    unitId: idOf(ctx.ids.units, aor.unit),
  };
}

/** Upserts AoRs by slug (a new AoR's criticality defaults to MEDIUM). */
export async function applyAors(ctx: ApplyContext): Promise<void> {
  const { doc, snapshot, ids, tally } = ctx;
  const fresh = doc.aors.filter(({ value }) => !snapshot.aors.has(value.slug));
  const inserted = await insertRows(
    ctx.tx,
    aorTable,
    ['slug', ...FIELDS],
    fresh.map(({ value }) => ({ slug: value.slug, ...desiredAor(ctx, value) })),
    'slug',
  );
  for (const row of inserted) ids.aors.set(row.key, row.id);
  tally.add('created', 'aors', inserted.length);
  const updates: Array<Pick<AorRow, 'id' | (typeof FIELDS)[number]>> = [];
  for (const { value } of doc.aors) {
    const stored = snapshot.aors.get(value.slug);
    if (!stored) continue;
    const desired = desiredAor(ctx, value, stored);
    if (differs(stored, desired, FIELDS)) {
      updates.push({ id: stored.id, ...desired });
      tally.add('updated', 'aors');
    } else tally.add('unchanged', 'aors');
  }
  await updateRows(ctx.tx, aorTable, FIELDS, updates);
}

interface OwnershipPlan {
  ends: Array<Pick<AorOwnershipRow, 'id' | 'endedOn'>>;
  inserts: Array<typeof aorOwnershipTable.$inferInsert>;
}

/**
 * One AoR's owners. A new primary owner ends the current one (and their own backup row,
 * if they were a backup); backups are added when missing and never removed.
 */
function planOwners(ctx: ApplyContext, aor: AorEntry, plan: OwnershipPlan): void {
  const { tally, today } = ctx;
  const aorId = idOf(ctx.ids.aors, aor.slug);
  const byPerson = new Map((ctx.snapshot.ownerships.get(aorId) ?? []).map((o) => [o.personId, o]));
  const end = (row: AorOwnershipRow) => {
    plan.ends.push({ id: row.id, endedOn: lastDayBefore(row.startedOn, today) });
    byPerson.delete(row.personId);
    tally.add('updated', 'aorOwnerships');
  };
  const add = (personId: number, role: AorOwnershipRow['role']) => {
    plan.inserts.push({ aorId, personId, role, startedOn: today });
    tally.add('created', 'aorOwnerships');
  };
  if (aor.owner) {
    const ownerId = idOf(ctx.ids.people, aor.owner);
    const primary = [...byPerson.values()].find((o) => o.role === 'PRIMARY');
    if (primary?.personId === ownerId) tally.add('unchanged', 'aorOwnerships');
    else {
      if (primary) end(primary);
      const asBackup = byPerson.get(ownerId);
      if (asBackup) end(asBackup);
      add(ownerId, 'PRIMARY');
    }
  }
  for (const email of new Set(aor.backups)) {
    const personId = idOf(ctx.ids.people, email);
    if (byPerson.has(personId)) tally.add('unchanged', 'aorOwnerships');
    else add(personId, 'BACKUP');
  }
}

export async function applyOwnerships(ctx: ApplyContext): Promise<void> {
  const plan: OwnershipPlan = { ends: [], inserts: [] };
  for (const { value } of ctx.doc.aors) planOwners(ctx, value, plan);
  // Ends first: the partial unique indexes allow one open-ended row per owner and one primary.
  await updateRows(ctx.tx, aorOwnershipTable, ['endedOn'], plan.ends);
  await insertRows(
    ctx.tx,
    aorOwnershipTable,
    ['aorId', 'personId', 'role', 'startedOn'],
    plan.inserts,
  );
}
