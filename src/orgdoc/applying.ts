/** What applying one org document carries along, and how a write rule's problems land in it. */
import type { Draft } from '../writes/draft.js';
import { UserInputError, under } from '../writes/errors.js';
import type { Problems } from '../writes/problems.js';
import type { Repeats } from './document-rules.js';
import type { invalidKeys } from './references.js';
import type { ParsedDocument } from './shape.js';

/** Where a rule's field lands in the document: `person` → `units[3].engLead`… */
export type Place = (path: string | null) => string | null;

export interface Applying {
  w: Draft;
  doc: ParsedDocument;
  problems: Problems;
  /** Entries left out: repeats, and the writes of entries that failed to save. */
  repeats: Repeats;
  invalid: ReturnType<typeof invalidKeys>;
  /** The departures to come the document states, by email: recorded last (apply-people.ts). */
  leaving: ReadonlyMap<string, string>;
}

/** Runs one write rule; its problems are collected at their place in the document. */
export function attempt(a: Applying, place: Place, write: () => unknown): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    for (const p of error.located(place).userErrors) a.problems.add(p.path, p.message, p.code);
    return false;
  }
}

/** Maps some of a rule's fields to document paths; the others go under `prefix`. */
export const placing =
  (prefix: string, fields: Record<string, string>): Place =>
  (path) =>
    (path && fields[path]) ?? under(prefix)(path);
