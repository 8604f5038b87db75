import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  getOperationAST,
  Kind,
  OperationTypeNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { accessError, authorize, noRoleError } from '../graphql/access.js';
import type { Context, Viewer } from '../graphql/context.js';
import { unauthenticated } from './authenticate.js';

/** What anyone may ask without a credential: who they are to this server. */
const OPEN_ROOT_FIELDS = new Set(['viewer', '__typename']);

const ROOT_TYPE = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

/** The first root field of a selection (through fragments) that not anyone may ask. */
function closedRootField(selections: SelectionSetNode, document: DocumentNode): string | null {
  for (const selection of selections.selections) {
    let closed: string | null;
    if (selection.kind === Kind.FIELD) {
      closed = OPEN_ROOT_FIELDS.has(selection.name.value) ? null : selection.name.value;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      closed = closedRootField(selection.selectionSet, document);
    } else {
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      closed =
        fragment?.kind === Kind.FRAGMENT_DEFINITION
          ? closedRootField(fragment.selectionSet, document)
          : selection.name.value;
    }
    if (closed !== null) return closed;
  }
  return null;
}

/**
 * SPEC §4: a request without a credential gets a 401 and no data, unless the operator opened
 * read access — for reading: a mutation without a credential is a 401 whatever role the
 * opened access grants (a PLANNER's `createScenario` is a write). The one exception is a
 * query asking only `viewer`, so a client can always ask "who am I?" (answer: role null, via OPEN) before it has a token. An identity without a
 * role (a JWT with no role claim) asks the same and nothing more: the rest, introspection
 * included, is FORBIDDEN with the reason. This runs after parsing, since the exception depends
 * on what is asked; a bad credential was refused earlier.
 *
 * A request refused before it ran (a syntax or validation error, a limit of the document's
 * shape, variables that do not coerce) is answered only once its credential is known: a
 * caller without a valid one gets the 401 of every other such request, and an identity
 * without a role (a JWT granting nothing) a FORBIDDEN with its reason — never the refusal's
 * own words, which would tell it the schema's names one misspelling at a time.
 * `viewerOf` is the request's one credential check (src/server/callers.ts).
 */
export function useCredentialRequired(
  viewerOf: (request: Request) => Promise<Viewer>,
): Plugin<Context> {
  const refuseAnonymous = ({
    args,
    setResultAndStopExecution,
  }: {
    args: { contextValue: Context; document: DocumentNode; operationName?: string | null };
    setResultAndStopExecution: (result: { errors: Error[] }) => void;
  }) => {
    const { viewer } = args.contextValue;
    if (viewer.role !== null && viewer.via !== 'OPEN') return;
    const operation = getOperationAST(args.document, args.operationName);
    // Opened access (ORGRAPH_OPEN_READ) is for reading: a write still needs a credential.
    if (viewer.role !== null && operation?.operation !== OperationTypeNode.MUTATION) return;
    const closed = operation ? closedRootField(operation.selectionSet, args.document) : null;
    if (operation?.operation === 'query' && closed === null) return;
    const type = ROOT_TYPE[operation?.operation ?? OperationTypeNode.QUERY];
    const denial = authorize(viewer, { role: 'VIEWER' }) ?? { kind: 'UNAUTHENTICATED' };
    setResultAndStopExecution({
      errors: [
        viewer.via === 'OPEN'
          ? unauthenticated(AUTHENTICATION_REQUIRED)
          : refusedWhole(accessError(denial, `${type}.${closed ?? '*'}`)),
      ],
    });
  };
  return {
    onExecute: refuseAnonymous,
    onSubscribe: refuseAnonymous,
    // Not async: an answer that ran goes on without a promise to wait for.
    onExecutionResult({ request, result, setResult }) {
      if (!refusedBeforeRunning(result)) return;
      // A bad credential rejects: its own 401 (or 503) answers, as it does a request that ran.
      return viewerOf(request).then((viewer) => {
        if (viewer.role !== null) return;
        setResult({
          errors: [
            viewer.noRoleReason
              ? refusedWhole(noRoleError(viewer.noRoleReason))
              : unauthenticated(AUTHENTICATION_REQUIRED),
          ],
        });
      });
    },
  };
}

/**
 * An identity the server knows, refused the whole request (no data): HTTP 403, as a request
 * without a credential is a 401 — GraphQL over HTTP wants a 4xx for an answer without data.
 */
const refusedWhole = (error: GraphQLError): GraphQLError =>
  new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 403 } } });

const AUTHENTICATION_REQUIRED = 'Authentication required: send "Authorization: Bearer <token>".';

/** An answer of errors alone, no data: nothing of the operation ran. A stream has run. */
function refusedBeforeRunning(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return false;
  if (Symbol.asyncIterator in result) return false;
  const { data, errors } = result as ExecutionResult;
  return data === undefined && (errors?.length ?? 0) > 0;
}
