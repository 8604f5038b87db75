import { z } from 'zod';
import type { OpenRoleRow } from '../db/tables.js';
import type { Context } from '../graphql/context.js';
import { writerOf } from '../graphql/mutation.js';
import { UserInputError } from '../writes/errors.js';
import { parseInput, runWrite } from '../writes/run.js';
import { applyChanges, plannedChanges, rolesOfHires } from './changes.js';
import { markApplied, type Scenario, scenariosByIds } from './data.js';
import {
  appliedMeanwhile,
  changedMeanwhile,
  requireOpenScenario,
  type ScenarioPayload,
  scenarioIdSchema,
  scenarioResult,
} from './write-rules.js';

export type ApplyPayload = ScenarioPayload & { openedRoles: OpenRoleRow[] };

/**
 * `applyScenario`: every change as its mutation, in one transaction; a `hire` opens its
 * seat's role (SPEC "Scenario hires"). Nothing is written when any change no longer applies.
 */
export async function applyScenario(context: Context, input: unknown): Promise<ApplyPayload> {
  let openedRoles: OpenRoleRow[] = [];
  const result = await scenarioResult(async () => {
    const { id } = parseInput(z.object({ id: scenarioIdSchema }), input);
    const scenario = await requireOpenScenario(context, id, 'Mutation.applyScenario');
    if (scenario.changes.length === 0) {
      throw UserInputError.of('input.id', 'the scenario has no changes to apply', 'VALIDATION');
    }
    // Answered as marked in its own transaction: a read after it could fail once it committed.
    const recorded = await recordChanges(context, scenario);
    openedRoles = recorded.openedRoles;
    return recorded.applied;
  });
  return { ...result, openedRoles: result.userErrors.length > 0 ? [] : openedRoles };
}

/** Writes the scenario's changes and marks it applied; answers it and the roles its hires opened. */
async function recordChanges(
  context: Context,
  scenario: Scenario,
): Promise<{ applied: Scenario; openedRoles: OpenRoleRow[] }> {
  const writer = writerOf(context);
  let openedRoles: OpenRoleRow[] = [];
  let applied: Scenario | null = null;
  const { version } = await runWrite(
    writer,
    `applyScenario: ${scenario.name}`,
    (draft) => {
      // The conflicts its evaluation today shows, applied or planned: the same refusals.
      const before = draft.history();
      const recorded = applyChanges(draft, scenario.changes, 'apply');
      const { conflicts } = plannedChanges(before, draft.today, scenario.changes, { recorded });
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
        // Told apart once rolled back (the catch below): applied meanwhile, or changed.
        applied = await markApplied(tx, scenario, writer.actor);
        if (!applied) throw changedMeanwhile();
      },
    },
  ).catch(async (error) => {
    // Its changes no longer apply because an apply of it won the race: say that.
    if (error instanceof UserInputError && (await isApplied(context, scenario.id))) {
      throw appliedMeanwhile();
    }
    throw error;
  });
  // Every change was already so (a hire into a seat already hiring): nothing to write.
  if (version === null) applied = await markApplied(context.db, scenario, writer.actor);
  if (!applied) {
    throw (await isApplied(context, scenario.id)) ? appliedMeanwhile() : changedMeanwhile();
  }
  context.org.renew();
  return { applied, openedRoles };
}

async function isApplied(context: Context, id: number): Promise<boolean> {
  const [scenario] = await scenariosByIds(context.db, [id]);
  return scenario?.appliedAt != null;
}
