import { z } from 'zod';
import { accessError, requireAccess } from '../graphql/access.js';
import { orgFor } from '../graphql/args.js';
import type { Context } from '../graphql/context.js';
import { rowKeyOf } from '../graphql/node-id.js';
import { type UserErrorData, UserInputError } from '../writes/errors.js';
import type { ScenarioChange } from './changes.js';
import { type Scenario, scenariosByIds } from './data.js';
import { isScenarioVisible, revealsOfChanges } from './reveals.js';

/** What every scenario write answers: the scenario, or why not. */
export type ScenarioPayload = { scenario: Scenario | null; userErrors: UserErrorData[] };

/** Runs a scenario write, turning expected failures into `userErrors`. */
export async function scenarioResult(write: () => Promise<Scenario>): Promise<ScenarioPayload> {
  try {
    return { scenario: await write(), userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { scenario: null, userErrors: error.userErrors };
    throw error;
  }
}

export const scenarioIdSchema = z
  .union([z.string(), z.number()])
  .transform((id) => rowKeyOf(String(id), 'Scenario'));

/**
 * The scenario a global id names, not applied yet, or a userError at `input.id`. One outside a
 * scoped caller's scope is refused on `field` (FORBIDDEN, as `node(id)` is), applied or not;
 * and so is, for a scoped caller, an id naming no scenario, which it cannot tell apart.
 */
export async function requireOpenScenario(
  context: Context,
  id: number | null,
  field: string,
): Promise<Scenario> {
  const [scenario] = id === null ? [] : await scenariosByIds(context.db, [id]);
  const { scope } = context.viewer;
  if (scope && !(scenario && (await isScenarioVisible(context, scenario)))) {
    throw accessError({ kind: 'SCOPE', scope: scope.slug }, field);
  }
  if (!scenario) throw UserInputError.of('input.id', 'no scenario with this id', 'NOT_FOUND');
  if (scenario.appliedAt) {
    const message = `the scenario was applied on ${scenario.appliedAt.toISOString()}; it is read-only`;
    throw UserInputError.of('input.id', message, 'CONFLICT');
  }
  return scenario;
}

export const appliedMeanwhile = () =>
  UserInputError.of('input.id', 'the scenario was applied meanwhile', 'CONFLICT');

export const changedMeanwhile = () =>
  UserInputError.of(
    'input.id',
    'the scenario was changed while it was being applied: nothing was applied; evaluate it and apply it again',
    'CONFLICT',
  );

/** A scoped planner writes only scenarios all of whose units lie within the scope. */
export async function requireScope(context: Context, field: string, changes: ScenarioChange[]) {
  if (!context.viewer.scope) return;
  const reveals = revealsOfChanges(await orgFor(context, null), changes);
  requireAccess(context, field, { role: 'PLANNER', reveals });
}
