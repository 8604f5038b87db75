import { randomUUID } from 'node:crypto';
import { type DocumentNode, type GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.js';
import { isGraphQLAnswer } from './graphql-answer.js';

/** What one HTTP request did, as the request log and the metrics see it. */
export interface RequestRecord {
  /** The caller's `x-request-id` when it is a sane one, else a fresh UUID; sent back. */
  id: string;
  method: string;
  path: string;
  /** The GraphQL operation's name ("anonymous" when it has none); null off the endpoint. */
  operation: string | null;
  /** Who asked: the token's name or the JWT's subject, and how; null for a refused credential. */
  caller: Pick<Context['viewer'], 'name' | 'via'> | null;
  /** The errors of the response (masked ones keep what they hide: see error-summary.ts). */
  errors: readonly GraphQLError[];
  status: number;
  /** Whether the answer is a GraphQL one (not a page): see graphql-answer.ts. */
  graphqlAnswer: boolean;
  durationMs: number;
}

type Draft = Omit<RequestRecord, 'status' | 'graphqlAnswer' | 'durationMs' | 'caller'> & {
  startedAt: number;
};

const REQUEST_ID = /^[\w.:-]{1,64}$/;
const OPERATION_NAME = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w{0,99})/;
/** Probes and scrapes come every few seconds and say nothing about the API's use. */
const UNRECORDED = new Set(['/health', '/ready', '/metrics']);

/**
 * Records each request (probes aside) and hands the record over once it is answered, with
 * its caller from `callerOf` (the request's one credential check, also for a request refused
 * before it ran).
 */
export function useRequestRecords(
  callerOf: (request: Request) => Promise<Context['viewer'] | null>,
  onAnswered: (record: RequestRecord) => void,
): Plugin<Record<string, never>, Record<string, never>, Context> {
  const drafts = new WeakMap<Request, Draft>();
  /** Once the operation is known: its name. */
  const named = (args: {
    contextValue: { request: Request };
    document: DocumentNode;
    operationName?: string | null;
  }) => {
    const draft = drafts.get(args.contextValue.request);
    if (!draft) return;
    draft.operation =
      getOperationAST(args.document, args.operationName)?.name?.value ?? 'anonymous';
  };
  return {
    onRequest({ request, url }) {
      if (UNRECORDED.has(url.pathname)) return;
      drafts.set(request, {
        id: requestIdOf(request),
        method: request.method,
        path: url.pathname,
        operation: null,
        errors: [],
        startedAt: performance.now(),
      });
    },
    onParams({ request, params }) {
      const draft = drafts.get(request);
      // Before execution (a request refused early) only the text tells the operation's name.
      // Either may be anything JSON holds: only text is a name (a list nested 20,000 deep
      // read as text overflowed the stack, a 500).
      const named = typeof params.operationName === 'string' ? params.operationName : undefined;
      if (draft) draft.operation = named ?? nameInText(params.query) ?? 'anonymous';
    },
    onExecute: ({ args }) => named(args),
    // A subscription is not executed: it subscribes, once, then streams.
    onSubscribe: ({ args }) => named(args),
    onResultProcess({ request, result }) {
      const draft = drafts.get(request);
      // A subscription's stream is answered event by event, after this point.
      if (draft && !Array.isArray(result) && !(Symbol.asyncIterator in result)) {
        draft.errors = result.errors ?? [];
      }
    },
    async onResponse({ request, response }) {
      const draft = drafts.get(request);
      // A probe is not logged, but its answer carries an id as every answer does.
      if (!draft) return void response.headers.set('x-request-id', requestIdOf(request));
      drafts.delete(request);
      const { startedAt, ...record } = draft;
      // This hook's exceptions reach the HTTP server: a log line must never end the process.
      try {
        response.headers.set('x-request-id', draft.id);
        const durationMs = performance.now() - startedAt;
        const caller = await callerOf(request);
        onAnswered({
          ...record,
          caller: caller && { name: caller.name, via: caller.via },
          status: response.status,
          graphqlAnswer: isGraphQLAnswer(response.headers.get('content-type')),
          durationMs,
        });
      } catch {}
    },
  };
}

/** The caller's `x-request-id` when it is a sane one, else a fresh UUID. */
function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

function nameInText(query: unknown): string | undefined {
  return typeof query === 'string' ? OPERATION_NAME.exec(query)?.[1] : undefined;
}
