import { z } from 'zod';
import { atMost } from '../graphql/bounds.js';
import { builder, type Types } from '../graphql/builder.js';
import { authorOf, type Context } from '../graphql/context.js';
import { writerOf } from '../graphql/mutation.js';
import { payloadType } from '../graphql/user-errors.js';
import { OpenRole } from '../roles/types.js';
import { parseInput } from '../writes/run.js';
import { type ApplyPayload, applyScenario } from './apply.js';
import { insertScenario, updateScenarioRow } from './data.js';
import {
  changesSchema,
  MAX_CHANGES,
  ScenarioChangeInput,
  scenarioDescriptionSchema,
  scenarioNameSchema,
} from './inputs.js';
import { Scenario } from './types.js';
import {
  appliedMeanwhile,
  requireOpenScenario,
  requireScope,
  type ScenarioPayload,
  scenarioIdSchema,
  scenarioResult,
} from './write-rules.js';

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

const actorOf = (context: Context) => writerOf(context).actor;

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
            id: scenarioIdSchema,
            name: scenarioNameSchema.optional(),
            description: scenarioDescriptionSchema.nullish(),
            changes: changesSchema.optional(),
          }),
          input,
        );
        const { id, ...changes } = fields;
        await requireOpenScenario(context, id, 'Mutation.updateScenario');
        await requireScope(context, 'Mutation.updateScenario', changes.changes ?? []);
        const updated = await updateScenarioRow(context.db, id as number, changes);
        if (!updated) throw appliedMeanwhile();
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
    resolve: (_root, { input }, context) => applyScenario(context, input),
  }),
}));
