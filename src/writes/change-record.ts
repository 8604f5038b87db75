import type { DescribedTable, Draft } from './draft.js';
import { aorUnitOn } from './lookup.js';

export type ChangeAction = 'CREATE' | 'UPDATE' | 'MOVE' | 'END';

/** A row as the audit log and a plan show it: ids replaced by slugs and emails. */
export type Described = Record<string, unknown>;

/**
 * One changed row in the org's own words, derived from a draft's diff, so no write rule can
 * forget to record what it did: the audit log keeps one per changed row, and an import's
 * dry run shows them as its plan.
 */
export interface ChangeRecord {
  action: ChangeAction;
  /** What changed: `person`, `team` (a unit's layer), `seat`, `membership`, `aor`… */
  kind: string;
  /** Which one: an email, a slug, `storage TECH_LEAD`… */
  key: string;
  /** The unit and the person it touches, for the audit log's filters (draft ids). */
  unitId: number | null;
  personId: number | null;
  before: Described | null;
  after: Described | null;
}

type AnyRow = Record<string, unknown> & { id: number };

interface Describer {
  describe(w: Draft, row: AnyRow): Described;
  kind(row: AnyRow): string;
  key(d: Described): string;
  unitId(w: Draft, row: AnyRow): number | null;
  personId(row: AnyRow): number | null;
  /** Fields whose change moves the row rather than updating it. */
  moves?: readonly string[];
}

const slugOf = (w: Draft, id: unknown) =>
  typeof id === 'number' ? (w.units.get(id)?.slug ?? null) : null;
const emailOf = (w: Draft, id: unknown) =>
  typeof id === 'number' ? (w.people.get(id)?.email ?? null) : null;
const num = (value: unknown) => (typeof value === 'number' ? value : null);
const dated = (row: AnyRow) => ({ startedOn: row.startedOn, endedOn: row.endedOn });
/** The unit an AoR sits in on `day` (draft id), or null for an id that names none. */
const aorUnitOf = (w: Draft, aorId: unknown, day: unknown) => {
  const aor = typeof aorId === 'number' ? w.aors.get(aorId) : undefined;
  return aor && typeof day === 'string' ? aorUnitOn(w, aor, day) : null;
};

const DESCRIBERS: Record<DescribedTable, Describer> = {
  people: {
    describe: (w, p) => ({
      email: p.email,
      name: p.name,
      title: p.title,
      level: p.level,
      manager: emailOf(w, p.managerId),
      startedOn: p.startedOn,
      departedOn: p.departedOn,
    }),
    kind: () => 'person',
    key: (d) => String(d.email),
    unitId: () => null,
    personId: (p) => p.id,
  },
  units: {
    describe: (w, u) => ({
      slug: u.slug,
      name: u.name,
      layer: u.layer,
      parent: slugOf(w, u.parentId),
      charter: u.charter,
      archivedOn: u.archivedOn,
    }),
    kind: (u) => String(u.layer).toLowerCase(),
    key: (d) => String(d.slug),
    unitId: (_w, u) => u.id,
    personId: () => null,
    moves: ['parent'],
  },
  seatAssignments: {
    describe: (w, s) => ({
      unit: slugOf(w, s.unitId),
      seat: s.seat,
      person: emailOf(w, s.personId),
      acting: s.acting,
      ...dated(s),
    }),
    kind: () => 'seat',
    key: (d) => `${d.unit} ${d.seat}`,
    unitId: (_w, s) => num(s.unitId),
    personId: (s) => num(s.personId),
  },
  memberships: {
    describe: (w, m) => ({
      team: slugOf(w, m.unitId),
      person: emailOf(w, m.personId),
      ...dated(m),
    }),
    kind: () => 'membership',
    key: (d) => String(d.person),
    unitId: (_w, m) => num(m.unitId),
    personId: (m) => num(m.personId),
  },
  aors: {
    describe: (w, a) => ({
      slug: a.slug,
      name: a.name,
      description: a.description,
      criticality: a.criticality,
      unit: slugOf(w, a.unitId),
      retiredOn: a.retiredOn,
    }),
    kind: () => 'aor',
    key: (d) => String(d.slug),
    // The unit it is in on the write's day (`unitId` may be one it moves to later), but a
    // change of unit is filed under the unit it names, and (its original) the one it left.
    unitId: (w, a) => {
      const [now, before] = [w.aors.get(a.id), w.aors.original(a.id)];
      const moved = now && before && now.unitId !== before.unitId;
      return moved ? num(a.unitId) : aorUnitOf(w, a.id, w.today);
    },
    personId: () => null,
    moves: ['unit'],
  },
  aorOwnerships: {
    describe: (w, o) => ({
      aor: typeof o.aorId === 'number' ? (w.aors.get(o.aorId)?.slug ?? null) : null,
      person: emailOf(w, o.personId),
      role: o.role,
      ...dated(o),
    }),
    kind: (o) => (o.role === 'PRIMARY' ? 'aor owner' : 'aor backup'),
    key: (d) => `${d.aor} ${d.person}`,
    // The AoR's unit on the ownership's first day.
    unitId: (w, o) => aorUnitOf(w, o.aorId, o.startedOn),
    personId: (o) => num(o.personId),
  },
  candidates: {
    describe: (w, c) => ({
      unit: slugOf(w, c.unitId),
      seat: c.seat,
      person: emailOf(w, c.personId),
      readiness: c.readiness,
      notes: c.notes,
      ...dated(c),
    }),
    kind: () => 'candidate',
    key: (d) => `${d.unit} ${d.seat} ${d.person}`,
    unitId: (_w, c) => num(c.unitId),
    personId: (c) => num(c.personId),
  },
  openRoles: {
    describe: (w, r) => ({
      unit: slugOf(w, r.unitId),
      seat: r.seat,
      status: r.status,
      openedOn: r.openedOn,
      closedOn: r.closedOn,
    }),
    kind: () => 'open role',
    key: (d) => `${d.unit} ${d.seat} opened ${d.openedOn}`,
    unitId: (_w, r) => num(r.unitId),
    personId: () => null,
  },
  policies: {
    describe: (_w, p) => ({
      tlmTeamSize: p.tlmTeamSize,
      longTlmDays: p.longTlmDays,
      spanLimit: p.spanLimit,
      actingDays: p.actingDays,
      // One string, so a plan names it as changed only when an override changed.
      kinds: JSON.stringify(p.kinds),
      ...dated(p),
    }),
    kind: () => 'policy',
    key: (d) => `policy from ${d.startedOn}`,
    unitId: () => null,
    personId: () => null,
  },
};

/** The names of the fields that differ between two descriptions, in their order. */
export function changedFields(before: Described, after: Described): string[] {
  return Object.keys(after).filter((key) => before[key] !== after[key]);
}

function actionOf(describer: Describer, before: Described, after: Described): ChangeAction {
  const fields = changedFields(before, after);
  // An AoR retired with a move planned withdrawn: its end, not a move.
  if (fields.includes('retiredOn') || fields.includes('closedOn')) return 'END';
  if (fields.some((f) => describer.moves?.includes(f))) return 'MOVE';
  if (fields.includes('endedOn') && after.endedOn !== null) return 'END';
  if (fields.includes('departedOn') || fields.includes('archivedOn')) return 'END';
  return 'UPDATE';
}

/** A changed row once, with the unit it left when it moved (draft id). */
export type DescribedChange = ChangeRecord & { movedFrom: number | null };

/** Every row a draft created or changed, described once, table by table (an import's plan). */
export function describeChanges(w: Draft, tables: readonly DescribedTable[]): DescribedChange[] {
  const records: DescribedChange[] = [];
  for (const name of tables) {
    const describer = DESCRIBERS[name];
    const table = w[name] as unknown as {
      inserts: AnyRow[];
      updates: AnyRow[];
      original(id: number): AnyRow | undefined;
    };
    const entry = (row: AnyRow, before: Described | null, after: Described) => ({
      kind: describer.kind(row),
      key: describer.key(after),
      unitId: describer.unitId(w, row),
      personId: describer.personId(row),
      before,
      after,
    });
    for (const row of table.inserts) {
      const after = describer.describe(w, row);
      records.push({ action: 'CREATE', ...entry(row, null, after), movedFrom: null });
    }
    for (const row of table.updates) {
      const original = table.original(row.id) as AnyRow;
      const before = describer.describe(w, original);
      const after = describer.describe(w, row);
      const record = { action: actionOf(describer, before, after), ...entry(row, before, after) };
      const from = describer.unitId(w, original);
      records.push({ ...record, movedFrom: from === record.unitId ? null : from });
    }
  }
  return records;
}

/** Every row a draft created or changed, for the audit log: a move shows in both units' logs. */
export function changeRecords(w: Draft, tables: readonly DescribedTable[]): ChangeRecord[] {
  return describeChanges(w, tables).flatMap(({ movedFrom, ...record }) =>
    movedFrom === null ? [record] : [record, { ...record, unitId: movedFrom }],
  );
}
