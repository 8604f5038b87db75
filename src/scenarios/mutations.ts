import { z } from 'zod';
import type { OpenRoleRow } from '../db/tables.js';
import { requireAccess } from '../graphql/access.js';
import { orgFor } from '../graphql/args.js';
import { atMost } from '../graphql/bounds.js';
import { builder, type Types } from '../graphql/builder.js';
import { authorOf, type Context } from '../graphql/context.js';
import { writerOf } from '../graphql/mutation.js';
import { rowKeyOf } from '../graphql/node-id.js';
import { payloadType } from '../graphql/user-errors.js';
import { OpenRole } from '../roles/types.js';
import { type UserErrorData, UserInputError } from '../writes/errors.js';
import { parseInput, runWrite } from '../writes/run.js';
import { applyChanges, rolesOfHires, type ScenarioChange } from './changes.js';
import {
  insertScenario,
  markApplied,
  type Scenario as ScenarioData,
  scenariosByIds,
  updateScenarioRow,
} from './data.js';
import {
  changesSchema,
  MAX_CHANGES,
  ScenarioChangeInput,
  scenarioDescriptionSchema,
  scenarioNameSchema,
} from './inputs.js';
import { isScenarioVisible, revealsOfChanges } from './reveals.js';
import { Scenario } from './types.js';

type ScenarioPayload = { scenario: ScenarioData | null; userErrors: UserErrorData[] };
type ApplyPayload = ScenarioPayload & { openedRoles: OpenRoleRow[] };

const scenarioField = <T extends ScenarioPayload>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
) =>
  t.field({
    type: Scenario,
    nullable: true,
    description: 'The scenario.',
    resolve: (p) => p.scenario,
  });

const payload = (name: string, description: string) =>
  payloadType<ScenarioPayload>(name, description, (t) => ({ scenario: scenarioField(t) }));

const applyPayload = payloadType<ApplyPayload>(
  'ApplyScenarioPayload',
  'The applied scenario, and the roles its hires opened.',
  (t) => ({
    scenario: scenarioField(t),
    openedRoles: t.expose('openedRoles', {
      type: [OpenRole],
      description:
        'The OPEN role of each `hire`, in the order of the changes (a seat already hiring ' +
        'lists its role, not a second one). Fill one with `fillRole` when the hire joins.',
    }),
  }),
);

/** Runs a scenario write, turning expected failures into `userErrors`. */
async function scenarioResult(write: () => Promise<ScenarioData>): Promise<ScenarioPayload> {
  try {
    return { scenario: await write(), userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { scenario: null, userErrors: error.userErrors };
    throw error;
  }
}

const actorOf = (context: Context) => writerOf(context).actor;
const idSchema = z
  .union([z.string(), z.number()])
  .transform((id) => rowKeyOf(String(id), 'Scenario'));

/**
 * The scenario a global id names, not applied yet, or a userError at `input.id`. One outside a
 * scoped caller's scope answers as no scenario at all (as `node(id)` does), applied or not.
 */
async function requireOpenScenario(context: Context, id: number | null): Promise<ScenarioData> {
  const [scenario] = id === null ? [] : await scenariosByIds(context.db, [id]);
  if (!scenario || !(await isScenarioVisible(context, scenario))) {
    throw UserInputError.of('input.id', 'no scenario with this id', 'NOT_FOUND');
  }
  if (scenario.appliedAt) {
    const message = `the scenario was applied on ${scenario.appliedAt.toISOString()}; it is read-only`;
    throw UserInputError.of('input.id', message, 'CONFLICT');
  }
  return scenario;
}

const appliedMeanwhile = () =>
  UserInputError.of('input.id', 'the scenario was applied meanwhile', 'CONFLICT');

async function isApplied(db: Context['db'], id: number): Promise<boolean> {
  const [scenario] = await scenariosByIds(db, [id]);
  return scenario?.appliedAt != null;
}

/** A scoped planner writes only scenarios all of whose units lie within the scope. */
async function requireScope(context: Context, field: string, changes: ScenarioChange[]) {
  if (!context.viewer.scope) return;
  const reveals = revealsOfChanges(await orgFor(context, null), changes);
  requireAccess(context, field, { role: 'PLANNER', reveals });
}

builder.mutationFields((t) => ({
  createScenario: t.field({
    type: payload('CreateScenarioPayload', 'The new scenario.'),
    description: 'Saves a draft of hypothetical changes for planning; writes no org data. PLANNER.',
    authScopes: { planner: true },
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('CreateScenarioInput', {
          description: 'A new scenario.',
          fields: (f) => ({
            name: f.string({ required: true, description: 'What it is called, 1–200 characters.' }),
            description: f.string({ description: 'What it is (at most 2000 characters).' }),
            changes: f.field({
              type: [ScenarioChangeInput],
              required: true,
              description: `Its changes, in order (at most ${MAX_CHANGES}).`,
              ...atMost(MAX_CHANGES, 'changes'),
            }),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, context) =>
      scenarioResult(async () => {
        const fields = parseInput(
          z.object({
            name: scenarioNameSchema,
            description: scenarioDescriptionSchema.nullish(),
            changes: changesSchema,
          }),
          input,
        );
        await requireScope(context, 'Mutation.createScenario', fields.changes);
        const description = fields.description ?? null;
        return insertScenario(
          context.db,
          { ...fields, description },
          { createdBy: actorOf(context), author: authorOf(context.viewer) },
        );
      }),
  }),
  updateScenario: t.field({
    type: payload('UpdateScenarioPayload', 'The scenario, updated.'),
    description:
      "Changes a scenario's name, description or changes (a field left out stays). An " +
      'applied scenario is read-only: CONFLICT. PLANNER.',
    authScopes: { planner: true },
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('UpdateScenarioInput', {
          description: 'New values for a scenario; a field left out keeps its value.',
          fields: (f) => ({
            id: f.id({ required: true, description: 'The Scenario id.' }),
            name: f.string({ description: 'New name.' }),
            description: f.string({ description: 'New description; null clears it.' }),
            changes: f.field({
              type: [ScenarioChangeInput],
              description: `New changes, replacing the old ones (at most ${MAX_CHANGES}).`,
              ...atMost(MAX_CHANGES, 'changes'),
            }),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, context) =>
      scenarioResult(async () => {
        const fields = parseInput(
          z.object({
            id: idSchema,
            name: scenarioNameSchema.optional(),
            description: scenarioDescriptionSchema.nullish(),
            changes: changesSchema.optional(),
          }),
          input,
        );
        const { id, ...changes } = fields;
        await requireOpenScenario(context, id);
        await requireScope(context, 'Mutation.updateScenario', changes.changes ?? []);
        const updated = await updateScenarioRow(context.db, id as number, changes);
        if (!updated)
          throw UserInputError.of('input.id', 'the scenario was applied meanwhile', 'CONFLICT');
        return updated;
      }),
  }),
  applyScenario: t.field({
    type: applyPayload,
    description:
      'Performs every change of a scenario as the mutations would, in one transaction, ' +
      'recorded in the audit log under its name; a `hire` opens an OPEN role for its seat (its ' +
      'holder, if any, keeps it until the hire joins). When any ' +
      'change no longer applies, nothing is written and each comes back as a CONFLICT at ' +
      '`changes[i]`. The scenario is then kept, marked applied, read-only. ADMIN.',
    authScopes: { admin: true },
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('ApplyScenarioInput', {
          description: 'The scenario to apply.',
          fields: (f) => ({ id: f.id({ required: true, description: 'The Scenario id.' }) }),
        }),
      }),
    },
    resolve: async (_root, { input }, context) => {
      let openedRoles: OpenRoleRow[] = [];
      const result = await scenarioResult(async () => {
        const { id } = parseInput(z.object({ id: idSchema }), input);
        const scenario = await requireOpenScenario(context, id);
        if (scenario.changes.length === 0) {
          throw UserInputError.of('input.id', 'the scenario has no changes to apply', 'VALIDATION');
        }
        const writer = writerOf(context);
        const { version } = await runWrite(
          writer,
          `applyScenario: ${scenario.name}`,
          (draft) => {
            const conflicts = applyChanges(draft, scenario.changes, 'apply');
            if (conflicts.length > 0) {
              throw new UserInputError(
                conflicts.map((c) => ({
                  path: `changes[${c.index}]`,
                  message: c.message,
                  code: 'CONFLICT' as const,
                })),
              );
            }
            // Saving gives these rows their database ids in place.
            openedRoles = rolesOfHires(draft, scenario.changes);
          },
          {
            afterSave: async (tx) => {
              if (!(await markApplied(tx, scenario.id, writer.actor))) throw appliedMeanwhile();
            },
          },
        ).catch(async (error) => {
          // Its changes no longer apply because an apply of it won the race: say that.
          if (error instanceof UserInputError && (await isApplied(context.db, scenario.id))) {
            throw appliedMeanwhile();
          }
          throw error;
        });
        // Every change was already so (a hire into a seat already hiring): nothing to write.
        if (version === null) await markApplied(context.db, scenario.id, writer.actor);
        context.org.renew();
        const [applied] = await scenariosByIds(context.db, [scenario.id]);
        return applied ?? scenario;
      });
      return { ...result, openedRoles: result.userErrors.length > 0 ? [] : openedRoles };
    },
  }),
}));
