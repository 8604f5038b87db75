import { layerEnum, type UnitRow, unitTable } from '../../db/tables.js';
import { insertRows, updateRows } from '../bulk.js';
import type { UnitEntry } from '../document.js';
import { type ApplyContext, differs, idOf, keep } from './context.js';

const FIELDS = ['name', 'charter', 'parentId'] as const;

function desiredUnit(ctx: ApplyContext, unit: UnitEntry, stored?: UnitRow) {
  return {
    name: unit.name,
    charter: keep(unit.charter, stored?.charter ?? null),
    parentId: unit.parent ? idOf(ctx.ids.units, unit.parent) : null,
  };
}

/**
 * Upserts units by slug. New units go in layer by layer (the enum runs Pillar, Area, Team),
 * so every parent has an id by the time its children are inserted.
 */
export async function applyUnits(ctx: ApplyContext): Promise<void> {
  const { doc, snapshot, ids, tally } = ctx;
  for (const layer of layerEnum.enumValues) {
    const fresh = doc.units.filter(
      (u) => u.value.layer === layer && !snapshot.units.has(u.value.slug),
    );
    const inserted = await insertRows(
      ctx.tx,
      unitTable,
      ['slug', 'layer', ...FIELDS],
      fresh.map(({ value }) => ({ slug: value.slug, layer, ...desiredUnit(ctx, value) })),
      'slug',
    );
    for (const row of inserted) ids.units.set(row.key, row.id);
    tally.add('created', 'units', inserted.length);
  }
  const updates: Array<Pick<UnitRow, 'id' | (typeof FIELDS)[number]>> = [];
  for (const { value } of doc.units) {
    const stored = snapshot.units.get(value.slug);
    if (!stored) continue;
    const desired = desiredUnit(ctx, value, stored);
    if (differs(stored, desired, FIELDS)) {
      updates.push({ id: stored.id, ...desired });
      tally.add('updated', 'units');
    } else tally.add('unchanged', 'units');
  }
  await updateRows(ctx.tx, unitTable, FIELDS, updates);
}
