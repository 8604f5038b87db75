import type { OrgDocument } from '../orgdoc/document.js';

/**
 * Where something came from in the file a person exported: `row 14` of a CSV, `Group
 * storage` of a catalog. `order` sorts problems as the file reads.
 */
export interface Origin {
  order: number;
  text: string;
}

/** Entries as a document is written (before the import's parsing). */
export type UnitInput = NonNullable<OrgDocument['units']>[number];
export type PersonInput = NonNullable<OrgDocument['people']>[number];

export interface SourceProblem {
  origin: Origin | null;
  message: string;
}

/**
 * What an adapter makes of a file: an org document (plain data, imported like any other),
 * the way back from the document's paths to the file, the file's own problems (nothing is
 * written) and warnings (what it skipped or simplified; the import goes on).
 */
export interface Adapted {
  document: OrgDocument;
  sources: SourceMap;
  problems: SourceProblem[];
  warnings: SourceProblem[];
}

const ENTRY_PATH = /^(\w+)\[(\d+)\](?:\.(\w+))?/;

/**
 * Document paths back to the file: each entry's origin, and what the file calls each field
 * (`people.manager` → `manager_email`), so `people[12].manager: unknown person "x@y"` is
 * told as `row 14, manager_email: unknown person "x@y"`.
 */
export class SourceMap {
  private readonly origins = new Map<string, Origin>();
  private readonly covered = new Set<string>();

  constructor(private readonly fieldNames: Record<string, Record<string, string>>) {}

  /** Records where an entry (`people[3]`) or a finer path (`units[2].members[5]`) came from. */
  set(path: string, origin: Origin): void {
    this.origins.set(path, origin);
  }

  /**
   * Records that the file's own problems already tell what is wrong at `path` (a parent the
   * catalog lacks, left out): the import's problem there would only repeat it.
   */
  cover(path: string): void {
    this.covered.add(path);
  }

  /** Whether the file's own problems already tell what is wrong at `path`. */
  covers(path: string | null): boolean {
    return path !== null && this.covered.has(path);
  }

  /** The origin of a document path, naming the file's field, or null when not from the file. */
  locate(path: string | null): Origin | null {
    if (path === null) return null;
    const exact = this.origins.get(path);
    if (exact) return exact;
    const [, section = '', index = '', field] = ENTRY_PATH.exec(path) ?? [];
    const entry = this.origins.get(`${section}[${index}]`);
    if (!entry) return null;
    if (!field) return entry;
    const name = this.fieldNames[section]?.[field] ?? field;
    return { order: entry.order, text: `${entry.text}, ${name}` };
  }
}

/** Messages in file order (the file's own first within an entry), each told where it is. */
export function located(all: SourceProblem[]): string[] {
  return all
    .map((problem, sequence) => ({ problem, sequence }))
    .sort(
      (a, b) =>
        (a.problem.origin?.order ?? -1) - (b.problem.origin?.order ?? -1) ||
        a.sequence - b.sequence,
    )
    .map(({ problem: { origin, message } }) => (origin ? `${origin.text}: ${message}` : message));
}

/**
 * The file's problems and the import's, each told where the file has it, in file order:
 * `row 14, manager_email: unknown person "x@y"`.
 */
export function locatedProblems(
  adapted: Adapted,
  userErrors: { path: string | null; message: string }[],
): string[] {
  return located([
    ...adapted.problems,
    ...userErrors
      .filter((e) => !adapted.sources.covers(e.path))
      .map((e) => ({
        origin: adapted.sources.locate(e.path) ?? (e.path ? { order: -1, text: e.path } : null),
        message: toldInFile(e.message, adapted.sources),
      })),
  ]);
}

/** A document path inside a message: `people[0]`, `units[2].members[0]`. */
const PATH_IN_TEXT = /\b(?:people|units|aors|succession|openRoles)\[\d+\](?:\.\w+(?:\[\d+\])?)*/g;

/** A message's own references to other entries (`also people[0]`) told as the file has them. */
function toldInFile(message: string, sources: SourceMap): string {
  return message.replace(PATH_IN_TEXT, (path) => sources.locate(path)?.text ?? path);
}
