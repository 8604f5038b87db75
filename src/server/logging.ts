import cluster from 'node:cluster';
import type { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { type ErrorSummary, isMasked, summarize } from './error-summary.js';
import type { RequestRecord } from './requests.js';

export type { Logger } from 'pino';

const MAX_NAME = 100;
/** Identical failures within this window log their message and stack once. */
const REPEAT_WINDOW_MS = 60_000;
const MAX_FINGERPRINTS = 1_000;

/** JSON lines on stdout (or `destination`): one object a line, ISO timestamps, level names. */
export function createLogger(level: Level | 'silent', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      // Several server processes (server/workers.ts) log to one stream: each line names its own.
      base: { service: 'orgraph', ...(cluster.isWorker ? { worker: process.pid } : {}) },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * Yoga's own logger. Its `error` is silent: Yoga calls it once per masked error — per field,
 * so a failed list of 100,000 items made 100,000 lines — and the request log already carries
 * each failed request's error once.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  return {
    debug: yogaLines(logger, 'debug'),
    info: yogaLines(logger, 'info'),
    warn: yogaLines(logger, 'warn'),
    error: () => {},
  };
}

/**
 * Yoga logs at debug several times a request: the line is built only when its level is on
 * (building it whatever the level cost about 0.5% of a small read's CPU).
 */
function yogaLines(logger: Logger, level: 'debug' | 'info' | 'warn') {
  return (...args: unknown[]) => {
    if (logger.isLevelEnabled(level)) {
      logger[level]({ yoga: args.map(String).join(' ').slice(0, 200) });
    }
  };
}

/**
 * One line per request: id, operation, caller (token name or JWT subject, and `via`: TOKEN,
 * JWT, OPEN or OPERATOR; null for a refused credential), status, duration; a failed request's line
 * carries its (first unexpected, else first) error, summarized without SQL or input values.
 * The message and stack of a failure seen in the last minute are left out: a client repeating
 * a failing request adds one short line per request, never its stack again.
 */
export function requestLog(logger: Logger): (record: RequestRecord) => void {
  const repeats = new RepeatFilter(REPEAT_WINDOW_MS, MAX_FINGERPRINTS);
  return (record) => {
    const entry = {
      requestId: record.id,
      method: record.method,
      path: record.path,
      operation: record.operation?.slice(0, MAX_NAME) ?? null,
      token: record.caller?.name?.slice(0, MAX_NAME) ?? null,
      via: record.caller?.via ?? null,
      status: record.status,
      durationMs: Math.round(record.durationMs * 10) / 10,
    };
    const failure = firstFailure(record.errors);
    if (!failure) {
      // Refused before GraphQL ran: too large a body, an unknown route.
      if (record.status >= 400) return logger.warn(entry, 'request refused');
      return logger.info(entry, 'request');
    }
    const summary = summarize(failure);
    const suppressed = repeats.pass(fingerprint(summary));
    const error =
      suppressed === null
        ? { code: summary.code, repeated: true }
        : { ...summary, ...(suppressed > 0 ? { suppressedSinceLast: suppressed } : {}) };
    const line = { ...entry, errors: record.errors.length, error };
    if (summary.unexpected) logger.error(line, 'request failed');
    else logger.warn(line, 'request refused');
  };
}

function firstFailure(errors: readonly GraphQLError[]): GraphQLError | undefined {
  return errors.find(isMasked) ?? errors[0];
}

function fingerprint(summary: ErrorSummary): string {
  return [summary.code, summary.type, summary.sqlState, summary.message].join('|');
}

/** Lets the first of identical failures through per window and counts the others. */
class RepeatFilter {
  private readonly seen = new Map<string, { until: number; suppressed: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  /** null: seen within the window; else how many were suppressed since it last passed. */
  pass(key: string): number | null {
    const now = Date.now();
    const seen = this.seen.get(key);
    if (seen && now < seen.until) {
      seen.suppressed++;
      return null;
    }
    // Bounded memory whatever the variety of failures: forget them all, rarely.
    if (!seen && this.seen.size >= this.maxKeys) this.seen.clear();
    this.seen.set(key, { until: now + this.windowMs, suppressed: 0 });
    return seen?.suppressed ?? 0;
  }
}
