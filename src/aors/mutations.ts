import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type AorRow, aorTable, criticalityEnum, type PersonRow } from '../db/tables.js';
import { atMost } from '../graphql/bounds.js';
import { builder } from '../graphql/builder.js';
import { payloadType } from '../graphql/user-errors.js';
import { peopleByIds } from '../people/data.js';
import { Person } from '../people/types.js';
import type { UserErrorData } from '../writes/errors.js';
import { UserInputError } from '../writes/errors.js';
import { longTextSchema, nameSchema, refSchema, slugSchema } from '../writes/fields.js';
import { requireKnownPerson, requirePerson, requireUnit } from '../writes/lookup.js';
import { parseInput, runMutation, type Write } from '../writes/run.js';
import { AreaOfResponsibility, CriticalityEnum } from './types.js';
import { endOwnership, insertOwnership, openOwnerships, requireAor } from './write-helpers.js';

// ---------------------------------------------------------------------------------------
// Inputs

/** Backups one request may name: an AoR with more has no real backup plan. */
const MAX_BACKUPS = 20;

const CreateAorInput = builder.inputType('CreateAorInput', {
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
});

const UpdateAorInput = builder.inputType('UpdateAorInput', {
  description: 'New values for an AoR; a field left out keeps its value.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The AoR (slug).' }),
    name: t.string({ description: 'New display name.' }),
    description: t.string({ description: 'New description; null clears it.' }),
    criticality: t.field({ type: CriticalityEnum, description: 'New criticality.' }),
  }),
});

const MoveAorInput = builder.inputType('MoveAorInput', {
  description: 'An AoR to hand to another unit (its owners stay).',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The AoR (slug).' }),
    unit: t.string({ required: true, description: 'The new owning unit (slug).' }),
  }),
});

const SetAorOwnerInput = builder.inputType('SetAorOwnerInput', {
  description: "Who becomes an AoR's primary owner, from when.",
  fields: (t) => ({
    aor: t.string({ required: true, description: 'The AoR (slug).' }),
    person: t.string({
      description: "The new primary owner's email; null leaves the AoR unowned.",
    }),
    on: t.field({ type: 'Date', description: 'First day of the change (default: today).' }),
  }),
});

const AorBackupInput = (name: string, description: string, on: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({
      aor: t.string({ required: true, description: 'The AoR (slug).' }),
      person: t.string({ required: true, description: "The backup owner's email." }),
      on: t.field({ type: 'Date', description: on }),
    }),
  });
const AddAorBackupInput = AorBackupInput(
  'AddAorBackupInput',
  'A backup owner to add to an AoR, from when.',
  'First day as a backup (default: today).',
);
const RemoveAorBackupInput = AorBackupInput(
  'RemoveAorBackupInput',
  'A backup owner to remove from an AoR, from when.',
  'First day no longer a backup (default: today).',
);

const RetireAorInput = builder.inputType('RetireAorInput', {
  description: 'An AoR that is no longer needed, from when.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The AoR (slug).' }),
    on: t.field({ type: 'Date', description: 'First day retired (default: today).' }),
  }),
});

// ---------------------------------------------------------------------------------------
// Validation

const criticality = z.enum(criticalityEnum.enumValues);
const day = z.string().nullish();

const createSchema = z.object({
  slug: slugSchema,
  name: nameSchema,
  description: longTextSchema.nullish(),
  criticality: criticality.nullish(),
  unit: refSchema,
  owner: refSchema.nullish(),
  backups: z.array(refSchema).nullish(),
});

const updateSchema = z.object({
  slug: refSchema,
  name: nameSchema.optional(),
  description: longTextSchema.nullish(),
  criticality: criticality.optional(),
});

const moveSchema = z.object({ slug: refSchema, unit: refSchema });
const ownerSchema = z.object({ aor: refSchema, person: refSchema.nullish(), on: day });
const backupSchema = z.object({ aor: refSchema, person: refSchema, on: day });
const retireSchema = z.object({ slug: refSchema, on: day });

// ---------------------------------------------------------------------------------------
// Payloads

interface AorChange {
  aor: AorRow | null;
}
const noAor: AorChange = { aor: null };

const aorPayload = (name: string, description: string, field: string) =>
  payloadType<AorChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    aor: t.expose('aor', { type: AreaOfResponsibility, nullable: true, description: field }),
  }));

interface OwnerChange extends AorChange {
  previousOwner: PersonRow | null;
}

const SetAorOwnerPayload = payloadType<OwnerChange & { userErrors: UserErrorData[] }>(
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
);

interface RetireChange extends AorChange {
  endedOwners: PersonRow[];
}

const RetireAorPayload = payloadType<RetireChange & { userErrors: UserErrorData[] }>(
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
);

// ---------------------------------------------------------------------------------------
// Writes

async function createAor(w: Write, input: z.output<typeof createSchema>): Promise<AorChange> {
  const [taken] = await w.tx.select().from(aorTable).where(eq(aorTable.slug, input.slug));
  if (taken)
    throw UserInputError.of('input.slug', 'an AoR with this slug already exists', 'CONFLICT');
  const unit = await requireUnit(w.tx, input.unit, 'input.unit');
  const owner = input.owner ? await requirePerson(w.tx, input.owner, 'input.owner', w.today) : null;
  const backups = new Map<number, PersonRow>();
  for (const [i, email] of (input.backups ?? []).entries()) {
    const path = `input.backups[${i}]`;
    const person = await requirePerson(w.tx, email, path, w.today);
    if (person.id === owner?.id) {
      throw UserInputError.of(path, 'the primary owner cannot also be a backup', 'VALIDATION');
    }
    backups.set(person.id, person);
  }
  const [aor] = await w.tx
    .insert(aorTable)
    .values({
      slug: input.slug,
      name: input.name,
      description: input.description ?? null,
      criticality: input.criticality ?? 'MEDIUM',
      unitId: unit.id,
    })
    .returning();
  if (!aor) throw new Error('insert returned no row');
  w.record({ unitId: unit.id, before: null, after: aor });
  const owners = [
    ...(owner ? [[owner, 'PRIMARY'] as const] : []),
    ...[...backups.values()].map((p) => [p, 'BACKUP'] as const),
  ];
  for (const [person, role] of owners) {
    const row = await insertOwnership(w.tx, aor.id, person.id, role, w.today);
    w.record({ unitId: unit.id, personId: person.id, before: null, after: row });
  }
  return { aor };
}

async function updateAor(w: Write, input: z.output<typeof updateSchema>): Promise<AorChange> {
  const aor = await requireAor(w.tx, input.slug, 'input.slug');
  const next = {
    name: input.name ?? aor.name,
    description: input.description === undefined ? aor.description : input.description,
    criticality: input.criticality ?? aor.criticality,
  };
  if (
    next.name === aor.name &&
    next.description === aor.description &&
    next.criticality === aor.criticality
  ) {
    return { aor };
  }
  const [updated] = await w.tx
    .update(aorTable)
    .set(next)
    .where(eq(aorTable.id, aor.id))
    .returning();
  w.record({ unitId: aor.unitId, before: aor, after: updated });
  return { aor: updated ?? null };
}

async function moveAor(w: Write, input: z.output<typeof moveSchema>): Promise<AorChange> {
  const aor = await requireAor(w.tx, input.slug, 'input.slug');
  const unit = await requireUnit(w.tx, input.unit, 'input.unit');
  if (unit.id === aor.unitId) return { aor };
  const [moved] = await w.tx
    .update(aorTable)
    .set({ unitId: unit.id })
    .where(eq(aorTable.id, aor.id))
    .returning();
  // Audited on both units, so either one's change log shows the move.
  w.record({ unitId: aor.unitId, before: aor, after: moved });
  w.record({ unitId: unit.id, before: aor, after: moved });
  return { aor: moved ?? null };
}

async function setAorOwner(w: Write, input: z.output<typeof ownerSchema>): Promise<OwnerChange> {
  const on = input.on ?? w.today;
  const aor = await requireAor(w.tx, input.aor, 'input.aor');
  const person = input.person ? await requirePerson(w.tx, input.person, 'input.person', on) : null;
  const open = await openOwnerships(w.tx, aor.id);
  const current = open.find((o) => o.role === 'PRIMARY') ?? null;
  if ((current?.personId ?? null) === (person?.id ?? null)) return { aor, previousOwner: null };
  if (current && current.startedOn > on) {
    throw UserInputError.of(
      'input.on',
      `must not be before the current owner's start (${current.startedOn})`,
      'VALIDATION',
    );
  }
  let previousOwner: PersonRow | null = null;
  if (current) {
    const ended = await endOwnership(w.tx, current, on, 'input.person');
    w.record({ unitId: aor.unitId, personId: current.personId, before: current, after: ended });
    [previousOwner = null] = await peopleByIds(w.tx, [current.personId]);
  }
  if (person) {
    // A backup who becomes the primary owner stops being a backup the same day.
    const asBackup = open.find((o) => o.role === 'BACKUP' && o.personId === person.id);
    if (asBackup) {
      const ended = await endOwnership(w.tx, asBackup, on, 'input.person');
      w.record({ unitId: aor.unitId, personId: person.id, before: asBackup, after: ended });
    }
    const row = await insertOwnership(w.tx, aor.id, person.id, 'PRIMARY', on);
    w.record({ unitId: aor.unitId, personId: person.id, before: null, after: row });
  }
  return { aor, previousOwner };
}

async function addAorBackup(w: Write, input: z.output<typeof backupSchema>): Promise<AorChange> {
  const on = input.on ?? w.today;
  const aor = await requireAor(w.tx, input.aor, 'input.aor');
  const person = await requirePerson(w.tx, input.person, 'input.person', on);
  const mine = (await openOwnerships(w.tx, aor.id)).find((o) => o.personId === person.id);
  if (mine) {
    const as = mine.role === 'PRIMARY' ? 'the primary owner' : 'already a backup owner';
    throw UserInputError.of('input.person', `${person.email} is ${as} of ${aor.slug}`, 'CONFLICT');
  }
  const row = await insertOwnership(w.tx, aor.id, person.id, 'BACKUP', on);
  w.record({ unitId: aor.unitId, personId: person.id, before: null, after: row });
  return { aor };
}

async function removeAorBackup(w: Write, input: z.output<typeof backupSchema>): Promise<AorChange> {
  const on = input.on ?? w.today;
  const aor = await requireAor(w.tx, input.aor, 'input.aor');
  const person = await requireKnownPerson(w.tx, input.person, 'input.person');
  const backup = (await openOwnerships(w.tx, aor.id)).find(
    (o) => o.role === 'BACKUP' && o.personId === person.id,
  );
  if (!backup) {
    throw UserInputError.of(
      'input.person',
      `${person.email} is not a backup owner of ${aor.slug}`,
      'NOT_FOUND',
    );
  }
  const ended = await endOwnership(w.tx, backup, on, 'input.person');
  w.record({ unitId: aor.unitId, personId: person.id, before: backup, after: ended });
  return { aor };
}

async function retireAor(w: Write, input: z.output<typeof retireSchema>): Promise<RetireChange> {
  const on = input.on ?? w.today;
  const aor = await requireAor(w.tx, input.slug, 'input.slug');
  const endedIds: number[] = [];
  for (const row of await openOwnerships(w.tx, aor.id)) {
    const ended = await endOwnership(w.tx, row, on, 'input.slug');
    w.record({ unitId: aor.unitId, personId: row.personId, before: row, after: ended });
    endedIds.push(row.personId);
  }
  const [retired] = await w.tx
    .update(aorTable)
    .set({ retiredOn: on })
    .where(eq(aorTable.id, aor.id))
    .returning();
  w.record({ unitId: aor.unitId, before: aor, after: retired });
  const people = endedIds.length > 0 ? await peopleByIds(w.tx, endedIds) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const endedOwners = endedIds.flatMap((id) => byId.get(id) ?? []);
  return { aor: retired ?? null, endedOwners };
}

// ---------------------------------------------------------------------------------------
// Mutations (ADMIN, like every mutation: SPEC §4)

builder.mutationFields((t) => ({
  createAor: t.field({
    type: aorPayload('CreateAorPayload', 'The new AoR.', 'The new AoR.'),
    description:
      'Creates an Area of Responsibility in a unit, with its primary owner and backups from ' +
      'today when given. Criticality defaults to MEDIUM. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateAorInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createAor', noAor, (w) =>
        createAor(w, parseInput(createSchema, input)),
      ),
  }),
  updateAor: t.field({
    type: aorPayload('UpdateAorPayload', 'The updated AoR.', 'The AoR, updated.'),
    description: "Changes an AoR's name, description or criticality. ADMIN.",
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateAorInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updateAor', noAor, (w) =>
        updateAor(w, parseInput(updateSchema, input)),
      ),
  }),
  moveAor: t.field({
    type: aorPayload('MoveAorPayload', 'The moved AoR.', 'The AoR, in its new unit.'),
    description: 'Hands an AoR to another unit; its owners stay. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: MoveAorInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'moveAor', noAor, (w) => moveAor(w, parseInput(moveSchema, input))),
  }),
  setAorOwner: t.field({
    type: SetAorOwnerPayload,
    description:
      "Makes a person an AoR's primary owner from `on`, ending the current primary owner's " +
      'ownership the day before (and the new owner’s backup role, if they were a backup), ' +
      'atomically. `person: null` leaves the AoR unowned. Two admins racing: one wins, the ' +
      'other gets a CONFLICT. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: SetAorOwnerInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(
        context,
        'setAorOwner',
        { aor: null, previousOwner: null },
        (w) => setAorOwner(w, parseInput(ownerSchema, input)),
        { lock: 'last' },
      ),
  }),
  addAorBackup: t.field({
    type: aorPayload('AddAorBackupPayload', 'The AoR with its new backup owner.', 'The AoR.'),
    description:
      'Adds a backup owner to an AoR from `on`. The primary owner or a current backup: CONFLICT. ' +
      'ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: AddAorBackupInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(
        context,
        'addAorBackup',
        noAor,
        (w) => addAorBackup(w, parseInput(backupSchema, input)),
        { lock: 'last' },
      ),
  }),
  removeAorBackup: t.field({
    type: aorPayload('RemoveAorBackupPayload', 'The AoR without that backup owner.', 'The AoR.'),
    description:
      'Ends a backup ownership from `on` (the last day is the day before); kept as history. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RemoveAorBackupInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'removeAorBackup', noAor, (w) =>
        removeAorBackup(w, parseInput(backupSchema, input)),
      ),
  }),
  retireAor: t.field({
    type: RetireAorPayload,
    description:
      'Retires an AoR from `on` and ends its current ownerships the day before; nothing is ' +
      'deleted. A retired AoR is read-only. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RetireAorInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'retireAor', { aor: null, endedOwners: [] }, (w) =>
        retireAor(w, parseInput(retireSchema, input)),
      ),
  }),
}));
