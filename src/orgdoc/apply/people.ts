import { type PersonRow, personTable } from '../../db/tables.js';
import { insertRows, updateRows } from '../bulk.js';
import type { PersonEntry } from '../document.js';
import { type ApplyContext, differs, idOf, keep } from './context.js';

const FIELDS = ['name', 'title', 'level', 'startedOn', 'managerId'] as const;
type PersonFields = Pick<PersonRow, (typeof FIELDS)[number]>;

function ownFields(entry: PersonEntry, stored?: PersonRow): Omit<PersonFields, 'managerId'> {
  return {
    name: entry.name,
    title: keep(entry.title, stored?.title ?? null),
    level: keep(entry.level, stored?.level ?? null),
    startedOn: keep(entry.startedOn, stored?.startedOn ?? null),
  };
}

/** Resolved only after the inserts: a manager may be a person this import creates. */
function managerId(ctx: ApplyContext, entry: PersonEntry, stored?: PersonRow): number | null {
  if (entry.manager === undefined) return stored?.managerId ?? null;
  return entry.manager === null ? null : idOf(ctx.ids.people, entry.manager);
}

/**
 * Upserts people by lower-cased email in two passes: new people are inserted first without
 * managers, then one update sets every changed field, managers included.
 */
export async function applyPeople(ctx: ApplyContext): Promise<void> {
  const { doc, snapshot, ids, tally } = ctx;
  const fresh = doc.people.filter(({ value }) => !snapshot.people.has(value.email));
  const inserted = await insertRows(
    ctx.tx,
    personTable,
    ['email', 'name', 'title', 'level', 'startedOn'],
    fresh.map(({ value }) => ({ email: value.email, ...ownFields(value) })),
    'email',
  );
  for (const row of inserted) ids.people.set(row.key, row.id);
  tally.add('created', 'people', inserted.length);

  const updates: Array<PersonFields & { id: number }> = [];
  for (const { value } of doc.people) {
    const stored = snapshot.people.get(value.email);
    const desired = { ...ownFields(value, stored), managerId: managerId(ctx, value, stored) };
    if (!stored) {
      if (desired.managerId !== null)
        updates.push({ id: idOf(ids.people, value.email), ...desired });
    } else if (differs(stored, desired, FIELDS)) {
      updates.push({ id: stored.id, ...desired });
      tally.add('updated', 'people');
    } else tally.add('unchanged', 'people');
  }
  await updateRows(ctx.tx, personTable, FIELDS, updates);
}
