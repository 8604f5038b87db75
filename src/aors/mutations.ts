import { z } from 'zod';
import { criticalityEnum } from '../db/tables.js';
import { atMost } from '../graphql/bounds.js';
import { builder } from '../graphql/builder.js';
import { orgMutation } from '../graphql/mutation.js';
import { payloadType } from '../graphql/user-errors.js';
import { Person } from '../people/types.js';
import type { UserErrorData } from '../writes/errors.js';
import {
  backupsSchema,
  daySchema,
  longTextSchema,
  MAX_BACKUPS,
  nameSchema,
  personRefSchema,
  refSchema,
  slugSchema,
} from '../writes/fields.js';
import { AreaOfResponsibility, CriticalityEnum } from './types.js';
import {
  type AorChange,
  addAorBackup,
  createAor,
  moveAor,
  type OwnerChange,
  type RetireChange,
  removeAorBackup,
  retireAor,
  setAorOwner,
  updateAor,
} from './writes.js';

type Payload<T> = T & { userErrors: UserErrorData[] };
const noAor: AorChange = { aor: null };
const aorPayload = (name: string, description: string, field: string) =>
  payloadType<Payload<AorChange>>(name, description, (t) => ({
    aor: t.expose('aor', { type: AreaOfResponsibility, nullable: true, description: field }),
  }));
const criticality = z.enum(criticalityEnum.enumValues);
const ownerSchema = z.object({ aor: refSchema, person: personRefSchema, on: daySchema.nullish() });

orgMutation({
  name: 'createAor',
  description:
    'Creates an Area of Responsibility in a unit, with its primary owner and backups from ' +
    'today when given. Criticality defaults to MEDIUM.',
  input: builder.inputType('CreateAorInput', {
    description: 'A new Area of Responsibility, optionally with its owners (from today).',
    fields: (t) => ({
      slug: t.string({
        required: true,
        description: 'Stable unique key, `[a-z0-9-]+`, at most 64 characters.',
      }),
      name: t.string({ required: true, description: 'Display name.' }),
      description: t.string({ description: 'What it covers (at most 2000 characters).' }),
      criticality: t.field({
        type: CriticalityEnum,
        description: 'How much it hurts when dropped (default: MEDIUM).',
      }),
      unit: t.string({ required: true, description: 'The owning unit (slug).' }),
      owner: t.string({ description: "The primary owner's email (none: unowned)." }),
      backups: t.stringList({
        description: `The backup owners' emails (at most ${MAX_BACKUPS}).`,
        ...atMost(MAX_BACKUPS, 'backups'),
      }),
    }),
  }),
  payload: aorPayload('CreateAorPayload', 'The new AoR.', 'The new AoR.'),
  failed: noAor,
  schema: z.object({
    slug: slugSchema,
    name: nameSchema,
    description: longTextSchema.nullish(),
    criticality: criticality.nullish(),
    unit: refSchema,
    owner: personRefSchema.nullish(),
    backups: backupsSchema.nullish(),
  }),
  write: createAor,
});

orgMutation({
  name: 'updateAor',
  description: "Changes an AoR's name, description or criticality.",
  input: builder.inputType('UpdateAorInput', {
    description: 'New values for an AoR; a field left out keeps its value.',
    fields: (t) => ({
      slug: t.string({ required: true, description: 'The AoR (slug).' }),
      name: t.string({ description: 'New display name.' }),
      description: t.string({ description: 'New description; null clears it.' }),
      criticality: t.field({ type: CriticalityEnum, description: 'New criticality.' }),
    }),
  }),
  payload: aorPayload('UpdateAorPayload', 'The updated AoR.', 'The AoR, updated.'),
  failed: noAor,
  schema: z.object({
    slug: refSchema,
    name: nameSchema.optional(),
    description: longTextSchema.nullish(),
    criticality: criticality.optional(),
  }),
  write: updateAor,
});

orgMutation({
  name: 'moveAor',
  description:
    'Hands an AoR to another unit from `on`; its owners stay, and earlier days (coverage, ' +
    'findings, trends) still show it in its old unit.',
  input: builder.inputType('MoveAorInput', {
    description: 'An AoR to hand to another unit (its owners stay).',
    fields: (t) => ({
      slug: t.string({ required: true, description: 'The AoR (slug).' }),
      unit: t.string({ required: true, description: 'The new owning unit (slug).' }),
      on: t.field({
        type: 'Date',
        description: 'First day in the new unit (default: today).',
      }),
    }),
  }),
  payload: aorPayload(
    'MoveAorPayload',
    'The moved AoR.',
    'The AoR, answered for today: in its new unit once the move is in force.',
  ),
  failed: noAor,
  schema: z.object({ slug: refSchema, unit: refSchema, on: daySchema.nullish() }),
  write: moveAor,
});

orgMutation({
  name: 'setAorOwner',
  description:
    "Makes a person an AoR's primary owner from `on`, ending the current primary owner's " +
    'ownership the day before (and the new owner’s backup role, if they were a backup), ' +
    'atomically. `person: null` leaves the AoR unowned.',
  input: builder.inputType('SetAorOwnerInput', {
    description: "Who becomes an AoR's primary owner, from when.",
    fields: (t) => ({
      aor: t.string({ required: true, description: 'The AoR (slug).' }),
      person: t.string({
        description: "The new primary owner's email; null leaves the AoR unowned.",
      }),
      on: t.field({ type: 'Date', description: 'First day of the change (default: today).' }),
    }),
  }),
  payload: payloadType<Payload<OwnerChange>>(
    'SetAorOwnerPayload',
    'The AoR with its new primary owner, and the owner it replaced.',
    (t) => ({
      aor: t.expose('aor', { type: AreaOfResponsibility, nullable: true, description: 'The AoR.' }),
      previousOwner: t.expose('previousOwner', {
        type: Person,
        nullable: true,
        description: 'The primary owner whose ownership was ended (kept as history), if any.',
      }),
    }),
  ),
  failed: { aor: null, previousOwner: null },
  schema: z.object({
    aor: refSchema,
    person: personRefSchema.nullish().transform((person) => person ?? null),
    on: daySchema.nullish(),
  }),
  write: setAorOwner,
});

const backupInput = (name: string, description: string, on: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      aor: t.string({ required: true, description: 'The AoR (slug).' }),
      person: t.string({ required: true, description: "The backup owner's email." }),
      on: t.field({ type: 'Date', description: on }),
    }),
  });

orgMutation({
  name: 'addAorBackup',
  description:
    'Adds a backup owner to an AoR from `on`. The primary owner or a current backup: CONFLICT.',
  input: backupInput(
    'AddAorBackupInput',
    'A backup owner to add to an AoR, from when.',
    'First day as a backup (default: today).',
  ),
  payload: aorPayload('AddAorBackupPayload', 'The AoR with its new backup owner.', 'The AoR.'),
  failed: noAor,
  schema: ownerSchema,
  write: addAorBackup,
});

orgMutation({
  name: 'removeAorBackup',
  description:
    'Ends a backup ownership from `on` (the last day is the day before); kept as history.',
  input: backupInput(
    'RemoveAorBackupInput',
    'A backup owner to remove from an AoR, from when.',
    'First day no longer a backup (default: today).',
  ),
  payload: aorPayload('RemoveAorBackupPayload', 'The AoR without that backup owner.', 'The AoR.'),
  failed: noAor,
  schema: ownerSchema,
  write: removeAorBackup,
});

orgMutation({
  name: 'retireAor',
  description:
    'Retires an AoR from `on` and ends its current ownerships the day before; nothing is ' +
    'deleted. A retired AoR is read-only.',
  input: builder.inputType('RetireAorInput', {
    description: 'An AoR that is no longer needed, from when.',
    fields: (t) => ({
      slug: t.string({ required: true, description: 'The AoR (slug).' }),
      on: t.field({ type: 'Date', description: 'First day retired (default: today).' }),
    }),
  }),
  payload: payloadType<Payload<RetireChange>>(
    'RetireAorPayload',
    'The retired AoR and the owners whose ownership it ended.',
    (t) => ({
      aor: t.expose('aor', {
        type: AreaOfResponsibility,
        nullable: true,
        description: 'The retired AoR.',
      }),
      endedOwners: t.expose('endedOwners', {
        type: [Person],
        description: 'The primary and backup owners whose ownership was ended (kept as history).',
      }),
    }),
  ),
  failed: { aor: null, endedOwners: [] },
  schema: z.object({ slug: refSchema, on: daySchema.nullish() }),
  write: retireAor,
});
