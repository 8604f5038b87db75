import type { Plugin } from '@envelop/core';
import { type DocumentNode, getOperationAST, Kind, type SelectionSetNode } from 'graphql';
import type { Context } from '../graphql/context.js';
import { unauthenticated } from './authenticate.js';

/** What anyone may ask without a credential: who they are to this server. */
const OPEN_ROOT_FIELDS = new Set(['viewer', '__typename']);

/** Every root field of a selection (through fragments) is one anyone may ask. */
function asksOnlyOpenFields(selections: SelectionSetNode, document: DocumentNode): boolean {
  return selections.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return OPEN_ROOT_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return asksOnlyOpenFields(selection.selectionSet, document);
    }
    const fragment = document.definitions.find(
      (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION
      ? asksOnlyOpenFields(fragment.selectionSet, document)
      : false;
  });
}

/**
 * SPEC §4: a request without a credential gets a 401 and no data, unless the operator opened
 * read access. The one exception is a query asking only `viewer`, so a client can always
 * ask "who am I?" (answer: role null, via OPEN) before it has a token. This runs after
 * parsing, since the exception depends on what is asked; a bad credential was refused earlier.
 */
export function useCredentialRequired(): Plugin<Context> {
  const refuseAnonymous = ({
    args,
    setResultAndStopExecution,
  }: {
    args: { contextValue: Context; document: DocumentNode; operationName?: string | null };
    setResultAndStopExecution: (result: { errors: Error[] }) => void;
  }) => {
    const { viewer } = args.contextValue;
    if (viewer.via !== 'OPEN' || viewer.role !== null) return;
    const operation = getOperationAST(args.document, args.operationName);
    if (
      operation?.operation === 'query' &&
      asksOnlyOpenFields(operation.selectionSet, args.document)
    ) {
      return;
    }
    setResultAndStopExecution({
      errors: [unauthenticated('Authentication required: send "Authorization: Bearer <token>".')],
    });
  };
  return { onExecute: refuseAnonymous, onSubscribe: refuseAnonymous };
}
