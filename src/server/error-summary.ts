import { GraphQLError } from 'graphql';
import type { MaskError } from 'graphql-yoga';
import { driverError } from '../db/database.js';

/** A failure as the log keeps it: bounded, and without SQL, parameter values or input. */
export interface ErrorSummary {
  code: string;
  /** A fault (masked as "Unexpected error." to the client), not a refusal of bad input. */
  unexpected: boolean;
  message: string;
  /** The root cause's class, e.g. DatabaseError. */
  type?: string;
  /** PostgreSQL's SQLSTATE, e.g. 57P01 (terminated) or 54000 (too many parameters). */
  sqlState?: string;
  /** Stack frames only: the first line of a stack repeats the message, SQL and all. */
  stack?: string;
}

const ORIGINAL = Symbol('orgraph.originalError');
const MAX_MESSAGE = 300;
const MAX_FRAMES = 15;
const MAX_STACK = 2_000;
// What sits in quotes is input: an email, a slug, a value PostgreSQL could not store.
const QUOTED = /"[^"]*"|'[^']*'/g;
const SQL_STATE = /^[0-9A-Z]{5}$/;

/**
 * Wraps Yoga's `maskError` (or a classification on top of it, e.g. DATABASE_UNAVAILABLE) so
 * the masked error keeps the error it hides, out of the response: the request log reads it
 * there, once per request, instead of Yoga logging every masked error of every field.
 */
export function rememberingOriginal(mask: MaskError): MaskError {
  return (error, message, isDev) => {
    const masked = mask(error, message, isDev);
    if (masked !== error) Object.defineProperty(masked, ORIGINAL, { value: error });
    return masked;
  };
}

/** `error` with other extensions, still known as the mask of the fault it hides (if it is). */
export function withExtensions(
  error: GraphQLError,
  extensions: GraphQLError['extensions'],
): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    nodes: error.nodes,
    positions: error.positions,
    source: error.source,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
  if (isMasked(error)) {
    const original = (error as { [ORIGINAL]?: unknown })[ORIGINAL];
    Object.defineProperty(rebuilt, ORIGINAL, { value: original });
  }
  return rebuilt;
}

/** Whether the client saw this error masked: a fault, not a refusal. */
export function isMasked(error: GraphQLError): boolean {
  return ORIGINAL in error;
}

export function summarize(error: GraphQLError): ErrorSummary {
  const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const original: unknown = (error as { [ORIGINAL]?: unknown })[ORIGINAL];
  if (!isMasked(error)) return { code, unexpected: false, message: clean(error.message) };
  const thrown = unwrapGraphQL(original);
  const cause = driverError(thrown);
  const sqlState = (cause as { code?: unknown }).code;
  return {
    code,
    unexpected: true,
    type: cause.name,
    ...(typeof sqlState === 'string' && SQL_STATE.test(sqlState) ? { sqlState } : {}),
    message: clean(cause.message),
    stack: framesOf(thrown),
  };
}

function clean(message: string): string {
  return message.replace(QUOTED, '"…"').slice(0, MAX_MESSAGE);
}

/** graphql-js wraps what a resolver threw in a located GraphQLError. */
function unwrapGraphQL(error: unknown): Error {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current instanceof Error ? current : new Error(String(current).slice(0, MAX_MESSAGE));
}

function framesOf(error: Error): string | undefined {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.slice(0, MAX_FRAMES).join('\n').slice(0, MAX_STACK) : undefined;
}
