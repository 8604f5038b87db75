import cluster from 'node:cluster';
import { useEngine } from '@envelop/core';
import { execute } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { OrgChangeFeed } from '../changes/feed.js';
import { todayUtc } from '../core/org/days.js';
import type { Database } from '../db/database.js';
import type { Context } from '../graphql/context.js';
import { schema } from '../graphql/schema.js';
import { keepFresh } from '../store/kept-fresh.js';
import type { HeldOrg } from '../store/org-views.js';
import { OrgSnapshots } from '../store/snapshots.js';
import { createAuthenticator, isFromCli } from '../tokens/authenticate.js';
import { useCredentialRequired } from '../tokens/credential-required.js';
import { CredentialWatch } from '../tokens/credential-watch.js';
import { useAcceptByPreference } from './accept-order.js';
import { useBodyLimit } from './body-limit.js';
import { requestFrames } from './callers.js';
import type { Config } from './config.js';
import { useCaselessContentType } from './content-type.js';
import { useDashboard } from './dashboard.js';
import { rememberingOriginal } from './error-summary.js';
import { useErrorsInDocumentOrder } from './errors-in-order.js';
import { useGraphiQLOff, useGraphiQLPage } from './graphiql-page.js';
import {
  useAbortedValidationExplained,
  useCostLimit,
  useDocumentLimits,
  useNestingGuard,
  useNoSuggestions,
} from './limits.js';
import { useListGuard } from './list-guard.js';
import { createLogger, type Logger, requestLog, yogaLogger } from './logging.js';
import { maskFault, useStatusOfDataless } from './mask-fault.js';
import { createMetrics, useMetricsRoute } from './metrics.js';
import { useNoStore } from './no-store.js';
import { useNotAcceptableSaid } from './not-acceptable.js';
import { useOperationChoiceExplained } from './operation-choice.js';
import { gaugedKinds, orgGauges } from './org-gauges.js';
import { useParamsGuard } from './params-guard.js';
import { useReadiness } from './readiness.js';
import { useTypedRequestErrors } from './request-errors.js';
import { useRequestRecords } from './requests.js';
import { shareSteps } from './sibling-steps.js';
import { useSlicedAnswers } from './sliced-answers.js';

export interface AppOptions {
  database: Database;
  config: Config;
  /** Overrides "today" (tests pin the clock); defaults to the current UTC day. */
  today?: () => string;
  /** Where the JSON-lines log goes; defaults to stdout at the configured level. */
  logger?: Logger;
  /**
   * The org's history as already read at a version of this database (the tests' saved org,
   * held by each new app of a test): held without reading it again; a newer version in the
   * database is noticed and read as ever.
   */
  heldOrg?: HeldOrg;
}

/** Builds the GraphQL-over-HTTP app without listening: the server and the tests share it. */
export function createApp({
  database,
  config,
  today = todayUtc,
  logger = createLogger(config.logLevel),
  heldOrg,
}: AppOptions) {
  const changes = new OrgChangeFeed(database, logger);
  const credentials = new CredentialWatch(() => database.db);
  const metrics = createMetrics(database, changes);
  const snapshots = new OrgSnapshots(metrics.snapshotLoaded, heldOrg);
  // One of several server processes (server/workers.ts): the others write too.
  if (cluster.isWorker) {
    shareSteps(snapshots);
    const stale = (error: Error) =>
      logger.warn({ error: error.message }, 'org snapshot: not loaded after a change');
    keepFresh(changes, snapshots, database.db, today, stale).catch(stale);
  }
  orgGauges(
    metrics.registry,
    () => snapshots.checked(database.db),
    today,
    (watcher) => snapshots.watch(watcher),
    gaugedKinds(config.metricsToken !== undefined),
  );
  const log = requestLog(logger);
  const authenticate = createAuthenticator(config, (error) =>
    logger.warn({ cause: String(error).slice(0, 200) }, 'identity provider unavailable'),
  );
  const frames = requestFrames(database, snapshots, today, authenticate);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: false, // served by useGraphiQLPage: rendered once, compressed
    // Unexpected errors become "Unexpected error." with no stack, SQL or message leaked; the
    // request log reads what each one hid (once per request, not per field). A database
    // outage becomes DATABASE_UNAVAILABLE (mask-fault.ts).
    maskedErrors: { isDev: false, maskError: rememberingOriginal(maskFault) },
    logging: yogaLogger(logger),
    cors: corsFor(config.corsOrigins),
    batching: false,
    multipart: false, // no file uploads: a request is JSON, a GraphQL text or a form
    context: async ({ request }): Promise<Context> => {
      const { db, org, today, viewer } = frames.frameOf(request);
      return {
        db,
        viewer: await viewer,
        today,
        org,
        store: snapshots,
        changes,
        credentials,
      };
    },
    plugins: [
      useAcceptByPreference(),
      useCaselessContentType(),
      useStatusOfDataless(),
      useVaryByOrigin(config.corsOrigins),
      useNoStore(),
      useMetricsRoute(metrics, { token: config.metricsToken, openReadHosts: config.openReadHosts }),
      useRequestRecords(frames.callerOf, (record) => {
        log(record);
        metrics.requestAnswered(record);
      }),
      // graphql-js' own executor: it keeps response fields in query order, as the GraphQL
      // spec asks, where Yoga's default one orders them by resolution time.
      useEngine({ execute }),
      useErrorsInDocumentOrder(),
      useCredentialRequired((request) => frames.frameOf(request).viewer),
      useBodyLimit(config.maxBodyBytes, (request) => isFromCli(config, request)),
      useParamsGuard(),
      useDocumentLimits(),
      useNestingGuard(),
      useNoSuggestions(),
      useAbortedValidationExplained(),
      useTypedRequestErrors(),
      useOperationChoiceExplained(),
      useListGuard(schema),
      useCostLimit(),
      useSlicedAnswers(),
      useNotAcceptableSaid(),
      useDashboard(),
      config.graphiql ? useGraphiQLPage(schema, config) : useGraphiQLOff(),
      useReadiness('/ready', () => database.ping().then(() => true)),
      // `app.dispose()` (shutdown, a test's end) ends the open subscription streams.
      { onDispose: () => changes.close() },
    ],
  });
}

export type App = ReturnType<typeof createApp>;

/**
 * CORS for the configured origins only. Given several, Yoga's CORS answered any other origin
 * `Access-Control-Allow-Origin: null`, credentials allowed: the origin a sandboxed frame on
 * any site sends, which could so read what open read access serves. Others get no CORS. A
 * preflight is told what the API takes (Yoga echoed any method and header asked), without
 * credentials (a bearer token is a header, never a cookie), and a page may read the request id.
 */
function corsFor(origins: string[]) {
  if (origins.length === 0) return false;
  const options = {
    origin: origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'accept', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    credentials: false,
  };
  return (request: Request) => {
    const origin = request.headers.get('origin');
    return origin !== null && origins.includes(origin) ? options : false;
  };
}

/**
 * With origins configured, every answer depends on the request's `Origin` (CORS headers for
 * one allowed, none for another), so a cache must not hand one's answer to the other.
 */
function useVaryByOrigin(origins: string[]): Plugin {
  if (origins.length === 0) return {};
  return { onResponse: ({ response }) => response.headers.append('vary', 'Origin') };
}
