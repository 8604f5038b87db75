import { z } from 'zod';
import { layerEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { orgMutation } from '../graphql/mutation.js';
import { payloadType } from '../graphql/user-errors.js';
import { SuccessionCandidate } from '../succession/types.js';
import type { UserErrorData } from '../writes/errors.js';
import {
  daySchema,
  LONG_TEXT_MAX,
  nameSchema,
  optionalText,
  refSchema,
  slugSchema,
} from '../writes/fields.js';
import { LayerEnum, OrgUnit } from './types.js';
import {
  type ArchiveChange,
  archiveUnit,
  createUnit,
  moveUnit,
  type UnitChange,
  updateUnit,
} from './writes.js';

const noUnit: UnitChange = { unit: null };
const unitPayload = (name: string, description: string, field: string) =>
  payloadType<UnitChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    unit: t.expose('unit', { type: OrgUnit, nullable: true, description: field }),
  }));
const charter = optionalText(LONG_TEXT_MAX);

orgMutation({
  name: 'createUnit',
  description:
    'Creates a Pillar, Area or Team under a parent of the right layer (INVALID_HIERARCHY ' +
    'otherwise); a slug already taken, even by an archived unit, is a CONFLICT.',
  input: builder.inputType('CreateUnitInput', {
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
  }),
  payload: unitPayload('CreateUnitPayload', 'The new unit.', 'The new unit.'),
  failed: noUnit,
  schema: z.object({
    slug: slugSchema,
    name: nameSchema,
    layer: z.enum(layerEnum.enumValues),
    parent: refSchema.nullish(),
    charter: charter.nullish(),
  }),
  write: createUnit,
});

orgMutation({
  name: 'updateUnit',
  description: 'Renames a unit and/or changes its charter (`charter: null` clears it).',
  input: builder.inputType('UpdateUnitInput', {
    description: 'New name and/or charter of a unit; fields left out stay as they are.',
    fields: (t) => ({
      slug: t.string({ required: true, description: 'The unit (its slug never changes).' }),
      name: t.string({ description: 'New display name.' }),
      charter: t.string({ description: 'New charter; `null` clears it.' }),
    }),
  }),
  payload: unitPayload('UpdateUnitPayload', 'The updated unit.', 'The unit, updated.'),
  failed: noUnit,
  schema: z.object({ slug: refSchema, name: nameSchema.optional(), charter: charter.nullish() }),
  write: updateUnit,
});

orgMutation({
  name: 'moveUnit',
  description:
    'Puts an Area under another Pillar or a Team under another Area from `on`: earlier days ' +
    '(coverage, rollups, trends) still show the unit under its old parent.',
  input: builder.inputType('MoveUnitInput', {
    description: 'A unit to put under another parent of the right layer.',
    fields: (t) => ({
      slug: t.string({ required: true, description: 'The unit to move (an AREA or a TEAM).' }),
      parent: t.string({
        required: true,
        description: 'The new parent: a PILLAR for an AREA, an AREA for a TEAM; not archived.',
      }),
      on: t.field({
        type: 'Date',
        description: 'First day under the new parent (default: today).',
      }),
    }),
  }),
  payload: unitPayload('MoveUnitPayload', 'The moved unit.', 'The unit, under its new parent.'),
  failed: noUnit,
  schema: z.object({ slug: refSchema, parent: refSchema, on: daySchema.nullish() }),
  write: moveUnit,
});

orgMutation({
  name: 'archiveUnit',
  description:
    'Archives a unit from `on` once nothing current or planned hangs under it: each active ' +
    'child unit, seat holder, member, active AoR and OPEN role comes back as a CONFLICT ' +
    'naming it. Its succession candidacies end. History stays.',
  input: builder.inputType('ArchiveUnitInput', {
    description: 'A unit to archive once nothing current hangs under it.',
    fields: (t) => ({
      slug: t.string({ required: true, description: 'The unit.' }),
      on: t.field({ type: 'Date', description: 'First day archived (default: today).' }),
    }),
  }),
  payload: payloadType<ArchiveChange & { userErrors: UserErrorData[] }>(
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
  ),
  failed: { ...noUnit, endedCandidacies: [] },
  schema: z.object({ slug: refSchema, on: daySchema.nullish() }),
  write: archiveUnit,
});
