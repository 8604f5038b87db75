import type { Plugin } from 'graphql-yoga';
import { jsonInSlices } from '../graphql/json-in-slices.js';
import { executing, noLongerSmall, wasSliced } from '../graphql/turn-budget.js';

/**
 * Small reads first, big answers a slice at a time (turn-budget.ts). Each execution is
 * announced, so that the deferred parts of big answers wait while a small read is under way.
 * A big answer's JSON is then written a slice per turn too, before Yoga sends it: Yoga's one
 * `JSON.stringify` of a whole tree would hold the event loop for 25–40 ms at L. Yoga writes
 * an answer's text through its `stringify` when it has one (the hook graphql-jit uses).
 * Answers with errors or extensions keep Yoga's own writing: it takes their internals out.
 */
export function useSlicedAnswers(): Plugin {
  const big = new WeakSet<object>();
  return {
    onExecute: ({ args }) => {
      const owner = args.contextValue;
      executing(owner);
      return {
        onExecuteDone: ({ result }) => {
          noLongerSmall(owner);
          if (wasSliced(owner)) big.add(result);
        },
      };
    },
    // Not async: the answers that are not big go on without a promise to wait for.
    onExecutionResult({ result, setResult }) {
      if (!result || !big.has(result) || Symbol.asyncIterator in result) return;
      if (result.errors?.length || result.extensions) return;
      return jsonInSlices(result).then((text) => setResult({ ...result, stringify: () => text }));
    },
  };
}
