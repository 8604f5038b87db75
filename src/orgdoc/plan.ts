import {
  type ChangeAction,
  changedFields,
  type DescribedChange,
  describeChanges,
} from '../writes/change-record.js';
import { DESCRIBED_TABLES, type Draft } from '../writes/draft.js';

/**
 * One change an import makes (or, dry, would make), as the plan shows it: derived from the
 * same described rows as the audit log, so the plan is exactly what the write does.
 */
export interface PlannedChange {
  action: ChangeAction;
  /** `person`, `pillar`/`area`/`team`, `seat`, `membership`, `aor`, `aor owner`… */
  kind: string;
  /** Which one: an email, a slug, `storage TECH_LEAD`… */
  key: string;
  /** The fields it sets (a creation) or changes. */
  fields: string[];
  /** The change in one line a person reads: `move eli@corp.test storage → compute`. */
  summary: string;
}

/** Kinds whose key says what they are: an email, `storage TECH_LEAD`. */
const SELF_EVIDENT = new Set(['person', 'seat', 'membership']);

const label = (r: DescribedChange) => (SELF_EVIDENT.has(r.kind) ? r.key : `${r.kind} ${r.key}`);
const shown = (value: unknown) => (value === null ? '(none)' : JSON.stringify(value));

function diffs(r: DescribedChange, fields: string[], skip: string[] = []): string {
  const { before, after } = r;
  return fields
    .filter((field) => !skip.includes(field))
    .map((field) => `${field}: ${shown(before?.[field] ?? null)} → ${shown(after?.[field])}`)
    .join(', ');
}

function created(r: DescribedChange): string {
  const after = r.after ?? {};
  if (r.kind === 'seat') {
    const acting = after.acting ? ' (acting)' : '';
    return `seat ${r.key} held by ${after.person}${acting} from ${after.startedOn}`;
  }
  if (r.kind === 'person') return `person ${r.key} (${after.name})`;
  if (r.kind === 'membership') return `membership ${r.key} in ${after.team}`;
  const within = after.parent ?? after.unit;
  const where = 'parent' in after ? `(parent ${within})` : `in ${within}`;
  return within ? `${r.kind} ${r.key} ${where}` : `${r.kind} ${r.key}`;
}

function ended(r: DescribedChange, fields: string[]): string {
  if (r.kind === 'seat') return `${r.key} held by ${r.before?.person}`;
  if (r.kind === 'membership') return `membership ${r.key} in ${r.before?.team}`;
  if (r.after && 'endedOn' in r.after) return label(r);
  return `${label(r)} ${diffs(r, fields)}`;
}

/** The field whose change moved the row, and the other fields that changed with it. */
function moved(r: DescribedChange, fields: string[]): string {
  const field = fields.find((f) => f === 'parent' || f === 'unit') ?? fields[0] ?? '';
  const rest = diffs(r, fields, [field]);
  const move = `${label(r)} ${r.before?.[field] ?? '(top)'} → ${r.after?.[field] ?? '(top)'}`;
  return rest ? `${move}, ${rest}` : move;
}

function planned(r: DescribedChange): PlannedChange {
  const fields =
    r.action === 'CREATE'
      ? Object.keys(r.after ?? {}).filter((f) => r.after?.[f] != null)
      : changedFields(r.before ?? {}, r.after ?? {});
  const summaries: Record<ChangeAction, () => string> = {
    CREATE: () => `create ${created(r)}`,
    UPDATE: () => `update ${label(r)} ${diffs(r, fields)}`,
    MOVE: () => `move ${moved(r, fields)}`,
    END: () => `end ${ended(r, fields)}`,
  };
  return { action: r.action, kind: r.kind, key: r.key, fields, summary: summaries[r.action]() };
}

/**
 * A person moved to another team is one membership ended and one begun: the plan says it
 * once, `move eli@corp.test storage → compute`, where the new membership is listed.
 */
function teamMoves(records: DescribedChange[]) {
  const left = new Map<string, DescribedChange>();
  const joined = new Set<string>();
  for (const r of records) {
    if (r.kind !== 'membership') continue;
    if (r.action === 'END') left.set(r.key, r);
    if (r.action === 'CREATE') joined.add(r.key);
  }
  for (const key of left.keys()) if (!joined.has(key)) left.delete(key);
  return left;
}

/** The plan of a draft: every row it created or changed, in the order they are saved. */
export function planOf(draft: Draft): PlannedChange[] {
  const records = describeChanges(draft, DESCRIBED_TABLES);
  const moves = teamMoves(records);
  const plan: PlannedChange[] = [];
  for (const r of records) {
    const from = r.kind === 'membership' ? moves.get(r.key) : undefined;
    if (from === r) continue;
    if (!from) {
      plan.push(planned(r));
      continue;
    }
    const summary = `move ${r.key} ${from.before?.team} → ${r.after?.team}`;
    plan.push({ action: 'MOVE', kind: r.kind, key: r.key, fields: ['team'], summary });
  }
  return plan;
}
