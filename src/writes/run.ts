import type { z } from 'zod';
import type { Day } from '../core/org/state.js';
import type { Db } from '../db/database.js';
import { changeTable, orgStateTable } from '../db/tables.js';
import { announceOrgVersion, type OrgVersion } from '../db/version.js';
import type { OrgSnapshots } from '../store/snapshots.js';
import { changeRecords } from './change-record.js';
import { DESCRIBED_TABLES, Draft } from './draft.js';
import { UserInputError } from './errors.js';
import { Problems, reportIssues } from './problems.js';
import { type SavedChanges, saveDraft } from './save.js';

/** What a write needs from whoever asks for it: a request, the CLI, a test. */
export interface Writer {
  db: Db;
  /** The org in memory: the write starts from it and updates it after the commit. */
  store: OrgSnapshots;
  today: Day;
  /** Who, for the audit log: a token's name, a JWT's subject, `cli`. */
  actor: string;
}

/** One audit-log entry; `unitId`/`personId` are draft ids until the draft is saved. */
export interface AuditEntry {
  unitId: number | null;
  personId: number | null;
  before: unknown;
  after: unknown;
}

export interface WriteOptions {
  /** Run the rules and roll back: nothing is written (an import's dry run). */
  dryRun?: boolean;
  /** The audit entries of the write (default: one per changed row). */
  audit?: (draft: Draft) => AuditEntry[];
  /** More of the same transaction, after the org's rows are saved (e.g. mark a scenario applied). */
  afterSave?: (tx: Db) => Promise<void>;
}

export interface WriteOutcome<T> {
  value: T;
  draft: Draft;
  /** The org version the write committed; null when nothing was written. */
  version: number | null;
}

/** Rolls back a transaction that must leave no trace, carrying what the rules answered. */
class Discard<T> extends Error {
  constructor(readonly outcome: WriteOutcome<T>) {
    super('discarded');
  }
}

/**
 * The one write path. Takes the org write lock (the version bump: every org write waits
 * for the previous one, so each one's rules see the org as it is — a departure and a seat
 * assignment for the same person can never both pass), runs the rules on a draft of the
 * history at the version before, saves what changed in a few set-based statements with its
 * audit entries and the announcement of the new version (delivered to every instance on
 * commit: the `orgChanged` subscription), and after the commit applies the changes to the
 * history in memory. A `UserInputError` from a rule rolls everything back; so does a dry
 * run, or a write that changed nothing (the version is not bumped for nothing).
 */
export async function runWrite<T>(
  writer: Writer,
  operation: string,
  rules: (draft: Draft) => T,
  options: WriteOptions = {},
): Promise<WriteOutcome<T>> {
  let saved: { version: number; changes: SavedChanges; before: OrgVersion } | undefined;
  try {
    const outcome = await writer.db.transaction(async (tx) => {
      const { version, before } = await lockOrg(tx, writer.store.instance);
      const draft = new Draft(await writer.store.historyAt(tx, before), writer.today);
      const value = rules(draft);
      if (options.dryRun || !draft.changed) throw new Discard({ value, draft, version: null });
      // Described before saving: saving gives new rows their database ids in place.
      const entries = options.audit?.(draft) ?? changeRecords(draft, DESCRIBED_TABLES);
      const { ids, changes } = await saveDraft(tx, draft);
      await writeAudit(tx, writer.actor, operation, entries, ids);
      await options.afterSave?.(tx);
      await announceOrgVersion(tx, version);
      saved = { version, changes, before };
      // From its commit on, the next write (or a request) may ask for this version: it waits
      // for it to be applied below rather than reading the whole org.
      writer.store.writing(version);
      return { value, draft, version };
    });
    if (saved) await writer.store.advance(saved.version, saved.changes, saved.before);
    return outcome;
  } catch (error) {
    if (error instanceof Discard) return error.outcome as WriteOutcome<T>;
    throw error;
  } finally {
    if (saved) writer.store.wrote(saved.version);
  }
}

/**
 * A write outside the org's data (API tokens): one transaction with its audit entries, and
 * neither the org write lock nor a new org version, since no org answer changes.
 */
export async function runAudited<T>(
  writer: Pick<Writer, 'db' | 'actor'>,
  operation: string,
  write: (tx: Db, audit: (entry: AuditEntry) => void) => Promise<T>,
): Promise<T> {
  return writer.db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    const value = await write(tx, (entry) => entries.push(entry));
    await writeAudit(tx, writer.actor, operation, entries, new Map());
    return value;
  });
}

/**
 * Takes the org write lock and bumps the version, signed by `instance`: the new version, and
 * the one before with its writer. Read locked first, in a statement of its own, since an
 * update answers only the row as it leaves it.
 */
async function lockOrg(tx: Db, instance: string): Promise<{ version: number; before: OrgVersion }> {
  const [before] = await tx
    .select({ version: orgStateTable.version, writer: orgStateTable.writer })
    .from(orgStateTable)
    .for('update');
  if (!before) throw new Error('org_state has no row: run the migrations');
  const version = before.version + 1;
  await tx.update(orgStateTable).set({ version, writer: instance });
  return { version, before };
}

async function writeAudit(
  tx: Db,
  actor: string,
  operation: string,
  entries: AuditEntry[],
  ids: Map<number, number>,
): Promise<void> {
  if (entries.length === 0) return;
  const real = (id: number | null) => (id === null ? null : (ids.get(id) ?? id));
  await tx.insert(changeTable).values(
    entries.map((e) => ({
      actor,
      operation,
      unitId: real(e.unitId),
      personId: real(e.personId),
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

/** Validates a mutation input with zod; every issue becomes a userError at `input.<path>`. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = new Problems();
  reportIssues(parsed.error.issues, ['input'], problems);
  throw new UserInputError(problems.list);
}
