import type { Day } from '../core/org/state.js';
import type { Db } from '../db/database.js';
import { OrgSnapshots } from '../store/snapshots.js';
import { type Counts, type Draft, zeroCounts } from '../writes/draft.js';
import { type UserErrorData, UserInputError } from '../writes/errors.js';
import { Problems } from '../writes/problems.js';
import { runWrite, type Writer } from '../writes/run.js';
import { applyDocument } from './apply.js';
import { documentRepeats } from './document-rules.js';
import { type PlannedChange, planOf } from './plan.js';
import { type ParsedDocument, parseDocumentShape } from './shape.js';

export type { Counts } from '../writes/draft.js';

/**
 * What an import did (or, dry, would do). `created`: rows inserted. `updated`: existing rows
 * changed, history rows that were ended included (a new Tech Lead is one created and one
 * updated assignment). `unchanged`: things the document states that were already so.
 */
export interface ImportResult {
  userErrors: UserErrorData[];
  created: Counts;
  updated: Counts;
  unchanged: Counts;
  /** Every change made (or, dry, to be made), when asked for; the counts say how many. */
  plan: PlannedChange[];
}

export interface ImportOptions {
  today: Day;
  /** The org in memory (a server's); the CLI and tests read the database afresh. */
  store?: OrgSnapshots;
  /** Who imports, for the audit log. */
  actor?: string;
  /** Validate, count and plan, write nothing. */
  dryRun?: boolean;
  /** Describe every change (a dry run's plan); left out, the plan is empty. */
  plan?: boolean;
}

const refused = (userErrors: UserErrorData[]): ImportResult => ({
  userErrors,
  created: zeroCounts(),
  updated: zeroCounts(),
  unchanged: zeroCounts(),
  plan: [],
});

/**
 * Imports an org document through the write rules of the mutations: checked whole (every
 * problem by path), then written in one transaction in a few set-based statements, with one
 * audit entry carrying its counts. Idempotent: a second import of the same document changes
 * nothing. A bad document is rejected whole and nothing is written.
 */
export async function importOrgDocument(
  db: Db,
  input: unknown,
  options: ImportOptions,
): Promise<ImportResult> {
  const problems = new Problems();
  const doc = parseDocumentShape(input, problems);
  const repeats = documentRepeats(doc, problems);
  const writer: Writer = {
    db,
    store: options.store ?? new OrgSnapshots(),
    today: options.today,
    actor: options.actor ?? 'import',
  };
  try {
    const { value } = await runWrite(
      writer,
      'importOrg',
      (draft) => {
        applyDocument(draft, doc, problems, repeats);
        if (!problems.empty) throw new UserInputError(inDocumentOrder(problems.list, input));
        // Described before the draft is saved: the plan is exactly what is then written.
        return { ...countsOf(draft, doc), plan: options.plan ? planOf(draft) : [] };
      },
      {
        dryRun: options.dryRun,
        audit: (draft) => [
          { unitId: null, personId: null, before: null, after: countsOf(draft, doc) },
        ],
      },
    );
    return { userErrors: [], ...value };
  } catch (error) {
    if (error instanceof UserInputError) return refused(error.userErrors);
    throw error;
  }
}

/** The import's counts; people, units and AoRs take several rules each, so counted by entry. */
function countsOf(draft: Draft, doc: ParsedDocument): Omit<ImportResult, 'userErrors' | 'plan'> {
  const { created, updated } = draft.counts();
  const unchanged = { ...draft.unchanged };
  unchanged.people = untouched(
    doc.people.map((e) => draft.people.find('email', e.value.email)),
    (id) => draft.people.original(id),
  );
  unchanged.units = untouched(
    doc.units.map((e) => draft.units.find('slug', e.value.slug)),
    (id) => draft.units.original(id),
  );
  unchanged.aors = untouched(
    doc.aors.map((e) => draft.aors.find('slug', e.value.slug)),
    (id) => draft.aors.original(id),
  );
  return { created, updated, unchanged };
}

/** How many of the rows are as the snapshot had them (neither created nor changed). */
function untouched(rows: Array<{ id: number } | undefined>, original: (id: number) => unknown) {
  return rows.filter((row) => row !== undefined && original(row.id) === row).length;
}

const SECTION_ORDER = ['people', 'units', 'aors', 'succession', 'openRoles'];

/** Problems in the order of the document: section, entry, then field as the entry has them. */
function inDocumentOrder(problems: UserErrorData[], input: unknown): UserErrorData[] {
  const position = (path: string | null) => {
    const [, section = '', index = '-1', rest = ''] =
      /^(\w+)(?:\[(\d+)\])?(.*)$/.exec(path ?? '') ?? [];
    const field = writtenOrder(input, section, Number(index)).indexOf(
      /^\.(\w+)/.exec(rest)?.[1] ?? '',
    );
    return {
      section: SECTION_ORDER.indexOf(section),
      index: Number(index),
      field: field < 0 ? Number.POSITIVE_INFINITY : field,
      rest,
    };
  };
  return problems
    .map((problem, order) => ({ problem, order, at: position(problem.path) }))
    .sort(
      (a, b) =>
        a.at.section - b.at.section ||
        a.at.index - b.at.index ||
        a.at.field - b.at.field ||
        a.at.rest.localeCompare(b.at.rest) ||
        a.order - b.order,
    )
    .map(({ problem }) => problem);
}

/** The fields of the document's entry `section[index]`, in the order it writes them. */
function writtenOrder(input: unknown, section: string, index: number): string[] {
  const entries = (input as Record<string, unknown> | null)?.[section];
  const entry = Array.isArray(entries) ? entries[index] : undefined;
  return entry && typeof entry === 'object' ? Object.keys(entry) : [];
}
