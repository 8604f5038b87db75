import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * An answer's errors in the order of the document, not of their settling. graphql-js lists a
 * field's error when its promise settles, so the order told how much work each field did: two
 * `node` ids refused alike, one naming a candidacy and one naming nothing, came back
 * nothing-first, whichever was asked first — a VIEWER could tell which ids exist. Sorted by
 * where each error's field is written, then by its path (a fragment's fields share their
 * place), the order is a function of the document and the set of errors alone.
 */
export function useErrorsInDocumentOrder(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (Symbol.asyncIterator in result) return;
        const { errors } = result;
        if (!errors || errors.length < 2) return;
        setResult({ ...result, errors: [...errors].sort(byPlaceInDocument) });
      },
    }),
  };
}

function byPlaceInDocument(a: GraphQLError, b: GraphQLError): number {
  const [at, bt] = [a.locations?.[0], b.locations?.[0]];
  // A request's own errors (no place in the document) first, as they came.
  if (!at || !bt) return (at ? 1 : 0) - (bt ? 1 : 0);
  return at.line - bt.line || at.column - bt.column || byPath(a.path ?? [], b.path ?? []);
}

function byPath(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
