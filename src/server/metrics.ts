import cluster from 'node:cluster';
import { timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import { isOpenReadHost } from '../tokens/open-read-host.js';
import { bearerSecret, tokenDigest } from '../tokens/tokens.js';
import { workerMetrics } from './cluster-metrics.js';
import type { RequestRecord } from './requests.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LABEL = /^[_A-Za-z]\w{0,63}$/;
/** Operation names are the client's choice: past this many, new ones count as "other". */
const MAX_OPERATIONS = 200;

let processRegistry: Registry | undefined;

/**
 * The process's own metrics (CPU, memory, event-loop lag, GC), collected once per process
 * whatever the number of apps in it: each collection starts an event-loop monitor and a GC
 * observer that are never stopped, so one per app would pile up (tests build hundreds).
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'orgraph_' });
    // Gauges named as counters fail Prometheus' lint (promtool check metrics); each is the sum
    // of its by-type gauge kept beside it (`orgraph_nodejs_active_handles{type}`…).
    for (const total of ['handles', 'requests', 'resources']) {
      processRegistry.removeSingleMetric(`orgraph_nodejs_active_${total}_total`);
    }
  }
  return processRegistry;
}

/**
 * orgraph's Prometheus metrics: a registry per app (tests run several in one process), and
 * the process's metrics shared by every app of the process.
 */
export function createMetrics(database: Database, changes: { subscribers: number }) {
  const registry = new Registry();
  const shared = processMetrics();
  const requests = new Counter({
    name: 'orgraph_graphql_requests_total',
    help: 'GraphQL requests, by operation name and HTTP status.',
    labelNames: ['operation', 'status'] as const,
    registers: [registry],
  });
  const failures = new Counter({
    name: 'orgraph_graphql_request_errors_total',
    help: 'GraphQL requests answered with errors, by operation name and error code.',
    labelNames: ['operation', 'code'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'orgraph_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL request, by operation name.',
    labelNames: ['operation'] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const snapshotLoads = new Histogram({
    name: 'orgraph_snapshot_load_duration_seconds',
    help:
      "Reads of the org's history from the database into memory: the first, then after each " +
      'write made elsewhere (a write through this process, or through another worker of the same ' +
      'server, is applied in memory).',
    buckets: SECONDS,
    registers: [registry],
  });
  new Gauge({
    name: 'orgraph_subscribers',
    help: 'Open orgChanged subscriptions (GraphQL over SSE streams).',
    registers: [registry],
    collect() {
      this.set(changes.subscribers);
    },
  });
  if (database.poolStats) poolGauges(registry, database.poolStats);
  const operations = new Set<string>();
  const label = (operation: string) => {
    if (!LABEL.test(operation)) return 'other';
    if (operations.size < MAX_OPERATIONS) operations.add(operation);
    return operations.has(operation) ? operation : 'other';
  };

  return {
    registry,
    /**
     * The Prometheus text of a scrape: the app's metrics, then the process's; of one worker
     * of several, every worker's added up.
     */
    text: cluster.isWorker
      ? workerMetrics([registry, shared])
      : () => Registry.merge([registry, shared]).metrics(),
    snapshotLoaded: (seconds: number) => snapshotLoads.observe(seconds),
    /** Counts a request answered at the GraphQL endpoint. */
    requestAnswered(record: RequestRecord) {
      const operation = operationLabel(record, label);
      if (operation === null) return;
      requests.inc({ operation, status: String(record.status) });
      durations.observe({ operation }, record.durationMs / 1_000);
      const codes = new Set(record.errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')));
      for (const code of codes) failures.inc({ operation, code });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The label a request is counted under; null for what is no GraphQL request (a page, an
 * asset). A name takes a place among the 200 only for a caller let in: without a credential
 * one could fill them, and write what it likes into the metrics. A request refused before
 * its operation was read (a body too large, not JSON, of another type) is `unread`: an alert
 * on the 4xx rate sees a client the body limit turns away.
 */
function operationLabel(
  { operation, graphqlAnswer, status }: RequestRecord,
  label: (operation: string) => string,
): string | null {
  if (operation === null && !graphqlAnswer) return null;
  if (status === 401) return 'unauthenticated';
  return operation === null ? 'unread' : label(operation);
}

function poolGauges(registry: Registry, stats: NonNullable<Database['poolStats']>) {
  new Gauge({
    name: 'orgraph_db_pool_connections',
    help: 'PostgreSQL connections of the pool, open in all and idle.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const { total, idle } = stats();
      this.set({ state: 'total' }, total);
      this.set({ state: 'idle' }, idle);
    },
  });
  new Gauge({
    name: 'orgraph_db_pool_waiting',
    help: 'Queries waiting for a free PostgreSQL connection.',
    registers: [registry],
    collect() {
      this.set(stats().waiting);
    },
  });
}

const SCRAPES = new Set(['GET', 'HEAD']);

/** Who may scrape: the bearer token, when set; else the host names open reads answer. */
export interface MetricsAccess {
  token: string | undefined;
  openReadHosts: readonly string[];
}

/**
 * `GET /metrics` in Prometheus text. Open unless a token is set: the metrics hold counts,
 * durations and operation names, no names of the org; set ORGRAPH_METRICS_TOKEN when the port
 * is reachable by more than the scraper. Open, it still answers only a name that cannot be
 * rebound (an IP address, localhost, a listed name): the org's health is internal, and a page
 * of another site rebinding its own name to this machine would read it as its own.
 */
export function useMetricsRoute(metrics: Metrics, access: MetricsAccess): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      // HEAD too: a probe that checks the route is answered as a scrape (Node sends no body).
      if (url.pathname !== '/metrics' || !SCRAPES.has(request.method)) return;
      const refusal = refusedScrape(access, url.host, request.headers.get('authorization'));
      if (refusal) {
        endResponse(new fetchAPI.Response(`${refusal.message}\n`, refusal));
        return;
      }
      // A worker just started (or restarted) may not answer the primary yet: a failed
      // scrape Prometheus retries, not an unexpected error.
      const text = await metrics.text().catch(() => null);
      endResponse(
        text === null
          ? new fetchAPI.Response('The metrics of every worker are not ready; scrape again.\n', {
              status: 503,
            })
          : new fetchAPI.Response(text, {
              headers: { 'content-type': metrics.registry.contentType },
            }),
      );
    },
  };
}

function refusedScrape(
  access: MetricsAccess,
  host: string,
  authorization: string | null,
): (ResponseInit & { message: string }) | null {
  if (access.token) {
    if (bearerIs(authorization, access.token)) return null;
    return {
      message: 'Send ORGRAPH_METRICS_TOKEN as "Authorization: Bearer <token>".',
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="orgraph metrics"' },
    };
  }
  if (isOpenReadHost(host, access.openReadHosts)) return null;
  return {
    message:
      'Without ORGRAPH_METRICS_TOKEN, /metrics answers only an IP address, localhost or a name ' +
      'in ORGRAPH_OPEN_READ_HOSTS: scrape by one of those, or set the token.',
    status: 403,
    headers: {},
  };
}

function bearerIs(authorization: string | null, token: string): boolean {
  const given = bearerSecret(authorization) ?? '';
  // Compare digests: constant time whatever the lengths.
  return timingSafeEqual(tokenDigest(given), tokenDigest(token));
}
