import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { type CandidateRow, type Layer, layerEnum, type UnitRow, unitTable } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { payloadType } from '../graphql/user-errors.js';
import { SuccessionCandidate } from '../succession/types.js';
import type { UserErrorData } from '../writes/errors.js';
import { UserInputError } from '../writes/errors.js';
import { daySchema, nameSchema, optionalText, refSchema, slugSchema } from '../writes/fields.js';
import { requireUnit } from '../writes/lookup.js';
import { parseInput, runMutation } from '../writes/run.js';
import { unitsBySlugs } from './data.js';
import { LayerEnum, OrgUnit } from './types.js';
import { archive } from './write-archive.js';

const CHARTER_MAX = 2000;

const CreateUnitInput = builder.inputType('CreateUnitInput', {
  description: 'A new Pillar, Area or Team.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Stable unique key, `[a-z0-9-]+`, ≤ 64.' }),
    name: t.string({ required: true, description: 'Display name, 1–200 characters.' }),
    layer: t.field({ type: LayerEnum, required: true, description: 'PILLAR, AREA or TEAM.' }),
    parent: t.string({
      description:
        "The parent's slug: an AREA for a TEAM, a PILLAR for an AREA, none for a PILLAR.",
    }),
    charter: t.string({ description: 'One-paragraph charter (optional).' }),
  }),
});

const UpdateUnitInput = builder.inputType('UpdateUnitInput', {
  description: 'New name and/or charter of a unit; fields left out stay as they are.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The unit (its slug never changes).' }),
    name: t.string({ description: 'New display name.' }),
    charter: t.string({ description: 'New charter; `null` clears it.' }),
  }),
});

const MoveUnitInput = builder.inputType('MoveUnitInput', {
  description: 'A unit to put under another parent of the right layer.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The unit to move (an AREA or a TEAM).' }),
    parent: t.string({
      required: true,
      description: 'The new parent: a PILLAR for an AREA, an AREA for a TEAM; not archived.',
    }),
  }),
});

const ArchiveUnitInput = builder.inputType('ArchiveUnitInput', {
  description: 'A unit to archive once nothing current hangs under it.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The unit.' }),
    on: t.field({ type: 'Date', description: 'First day archived (default: today).' }),
  }),
});

const createSchema = z.object({
  slug: slugSchema,
  name: nameSchema,
  layer: z.enum(layerEnum.enumValues),
  parent: refSchema.nullish(),
  charter: optionalText(CHARTER_MAX).nullish(),
});
const updateSchema = z.object({
  slug: refSchema,
  name: nameSchema.optional(),
  charter: optionalText(CHARTER_MAX).nullish(),
});
const moveSchema = z.object({ slug: refSchema, parent: refSchema });
const archiveSchema = z.object({ slug: refSchema, on: daySchema.nullish() });

/** A Team's parent is an Area, an Area's a Pillar; a Pillar has none. */
const PARENT_LAYER: Record<Layer, Layer | null> = { PILLAR: null, AREA: 'PILLAR', TEAM: 'AREA' };
const article = (layer: Layer) => (layer === 'AREA' ? 'an' : 'a');

/** The parent a unit of `layer` may have: checked against the layer rules (SPEC §1). */
async function parentFor(tx: Db, layer: Layer, slug: string | null | undefined) {
  const expected = PARENT_LAYER[layer];
  if (!expected) {
    if (slug)
      throw UserInputError.of('input.parent', 'a PILLAR has no parent', 'INVALID_HIERARCHY');
    return null;
  }
  if (!slug) {
    const message = `${article(layer)} ${layer} needs a parent ${expected}`;
    throw UserInputError.of('input.parent', message, 'INVALID_HIERARCHY');
  }
  const parent = await requireUnit(tx, slug, 'input.parent');
  if (parent.layer !== expected) {
    const message =
      `"${slug}" is ${article(parent.layer)} ${parent.layer}; ` +
      `${article(layer)} ${layer}'s parent must be ${article(expected)} ${expected}`;
    throw UserInputError.of('input.parent', message, 'INVALID_HIERARCHY');
  }
  return parent;
}

interface UnitChange {
  unit: UnitRow | null;
}
const noUnit: UnitChange = { unit: null };

const unitPayload = (name: string, description: string, field: string) =>
  payloadType<UnitChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    unit: t.expose('unit', { type: OrgUnit, nullable: true, description: field }),
  }));

interface ArchiveChange extends UnitChange {
  endedCandidacies: CandidateRow[];
}

const ArchiveUnitPayload = payloadType<ArchiveChange & { userErrors: UserErrorData[] }>(
  'ArchiveUnitPayload',
  'The archived unit, and the succession candidacies for its seats that were ended.',
  (t) => ({
    unit: t.expose('unit', {
      type: OrgUnit,
      nullable: true,
      description: 'The unit, with `archivedOn` set.',
    }),
    endedCandidacies: t.expose('endedCandidacies', {
      type: [SuccessionCandidate],
      description: 'Candidacies for its seats, ended the day before (confidential: PLANNER).',
    }),
  }),
);

builder.mutationFields((t) => ({
  createUnit: t.field({
    type: unitPayload('CreateUnitPayload', 'The new unit.', 'The new unit.'),
    description:
      'Creates a Pillar, Area or Team under a parent of the right layer (INVALID_HIERARCHY ' +
      'otherwise); a slug already taken, even by an archived unit, is a CONFLICT. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateUnitInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createUnit', noUnit, async (w) => {
        const fields = parseInput(createSchema, input);
        if ((await unitsBySlugs(w.tx, [fields.slug])).length > 0) {
          const message = `a unit "${fields.slug}" already exists`;
          throw UserInputError.of('input.slug', message, 'CONFLICT');
        }
        const parent = await parentFor(w.tx, fields.layer, fields.parent);
        const [unit] = await w.tx
          .insert(unitTable)
          .values({
            slug: fields.slug,
            name: fields.name,
            layer: fields.layer,
            parentId: parent?.id ?? null,
            charter: fields.charter ?? null,
          })
          .returning();
        w.record({ unitId: unit?.id, before: null, after: unit });
        return { unit: unit ?? null };
      }),
  }),
  updateUnit: t.field({
    type: unitPayload('UpdateUnitPayload', 'The updated unit.', 'The unit, updated.'),
    description: 'Renames a unit and/or changes its charter (`charter: null` clears it). ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateUnitInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateUnit', noUnit, async (w) => {
        const fields = parseInput(updateSchema, input);
        const unit = await requireUnit(w.tx, fields.slug, 'input.slug');
        const changes: Partial<Pick<UnitRow, 'name' | 'charter'>> = {};
        if (fields.name !== undefined && fields.name !== unit.name) changes.name = fields.name;
        if (fields.charter !== undefined && fields.charter !== unit.charter)
          changes.charter = fields.charter;
        if (Object.keys(changes).length === 0) return { unit };
        const [updated] = await w.tx
          .update(unitTable)
          .set(changes)
          .where(eq(unitTable.id, unit.id))
          .returning();
        w.record({ unitId: unit.id, before: unit, after: updated });
        return { unit: updated ?? null };
      }),
  }),
  moveUnit: t.field({
    type: unitPayload('MoveUnitPayload', 'The moved unit.', 'The unit, under its new parent.'),
    description:
      'Puts an Area under another Pillar or a Team under another Area. The hierarchy is not ' +
      'dated: coverage on earlier days also shows the unit under its new parent. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: MoveUnitInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'moveUnit', noUnit, async (w) => {
        const fields = parseInput(moveSchema, input);
        const unit = await requireUnit(w.tx, fields.slug, 'input.slug');
        const parent = await parentFor(w.tx, unit.layer, fields.parent);
        if (parent?.id === unit.parentId) return { unit };
        const [moved] = await w.tx
          .update(unitTable)
          .set({ parentId: parent?.id ?? null })
          .where(eq(unitTable.id, unit.id))
          .returning();
        w.record({ unitId: unit.id, before: unit, after: moved });
        return { unit: moved ?? null };
      }),
  }),
  archiveUnit: t.field({
    type: ArchiveUnitPayload,
    description:
      'Archives a unit from `on` once nothing current or planned hangs under it: each active ' +
      'child unit, seat holder, member, active AoR and OPEN role comes back as a CONFLICT ' +
      'naming it. Its succession candidacies end. History stays. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: ArchiveUnitInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation<ArchiveChange>(
        context,
        'archiveUnit',
        { ...noUnit, endedCandidacies: [] },
        async (w) => {
          const fields = parseInput(archiveSchema, input);
          const unit = await requireUnit(w.tx, fields.slug, 'input.slug');
          const result = await archive(w.tx, unit, fields.on ?? w.today);
          w.record({
            unitId: unit.id,
            before: unit,
            after: { ...result.unit, endedCandidacyIds: result.endedCandidacies.map((c) => c.id) },
          });
          return result;
        },
      ),
  }),
}));
