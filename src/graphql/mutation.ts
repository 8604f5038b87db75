import type { InputObjectRef, ObjectRef } from '@pothos/core';
import type { z } from 'zod';
import type { Draft } from '../writes/draft.js';
import { conflictOf, type UserErrorData, UserInputError, under } from '../writes/errors.js';
import { parseInput, runWrite, type Writer } from '../writes/run.js';
import { builder, type Types } from './builder.js';
import { auditActor, type Context } from './context.js';

/** The writer of a request: its database, the org in memory, its day and its caller. */
export function writerOf(context: Context): Writer {
  return {
    db: context.db,
    store: context.store,
    today: context.today,
    actor: auditActor(context.viewer),
  };
}

/**
 * Runs a write for a mutation: parses the input, runs the write rule through the one write
 * path, and turns every expected failure into `userErrors` (the rule's fields placed under
 * `input.`), with the payload's fields as `failed` says.
 */
async function mutationResult<Parsed, Result extends object>(
  context: Context,
  name: string,
  failed: Result,
  parse: () => Parsed,
  write: (draft: Draft, input: Parsed) => Result,
): Promise<Result & { userErrors: UserErrorData[] }> {
  try {
    const input = parse();
    const { value } = await runWrite(writerOf(context), name, (draft) => {
      try {
        return write(draft, input);
      } catch (error) {
        throw error instanceof UserInputError ? error.located(under('input')) : error;
      }
    });
    // The payload's objects answer from the org this write made, not the one read before it.
    context.org.renew();
    return { ...value, userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { ...failed, userErrors: error.userErrors };
    const conflict = conflictOf(error);
    if (conflict) return { ...failed, userErrors: [conflict] };
    throw error;
  }
}

export interface OrgMutation<Input, Parsed, Result extends object> {
  name: string;
  description: string;
  input: InputObjectRef<Types, Input>;
  payload: ObjectRef<Types, Result & { userErrors: UserErrorData[] }>;
  /** The payload's fields when the mutation is refused (each changed object: null). */
  failed: Result;
  /** The input's field rules. */
  schema: z.ZodType<Parsed>;
  /** The write rule. */
  write: (draft: Draft, input: Parsed) => Result;
}

/**
 * Declares an org mutation (input/payload pattern, ADMIN like every write): the input is
 * checked by its field rules, then the write rule runs on the one write path, in one
 * transaction with its audit entries.
 */
export function orgMutation<Input, Parsed, Result extends object>(
  spec: OrgMutation<Input, Parsed, Result>,
): void {
  builder.mutationField(spec.name, (t) =>
    t.field({
      type: spec.payload,
      description: `${spec.description} ADMIN.`,
      authScopes: { admin: true },
      args: { input: t.arg({ type: spec.input, required: true }) },
      // Pothos cannot follow the generic payload through this helper: the types are
      // checked where the spec is written (payload, failed and write share `Result`).
      resolve: ((_root: unknown, args: { input: Input }, context: Context) =>
        mutationResult(
          context,
          spec.name,
          spec.failed,
          () => parseInput(spec.schema, args.input),
          spec.write,
        )) as never,
    }),
  );
}
