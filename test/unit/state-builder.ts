import { orgStateOn } from '../../src/core/org/as-of.js';
import { ORG_DAYS } from '../../src/core/org/days.js';
import type { Day, OrgHistory, OrgState } from '../../src/core/org/state.js';
import type {
  AorOwnershipRow,
  AorRow,
  CandidateRow,
  Criticality,
  Layer,
  MembershipRow,
  OpenRoleRow,
  PersonRow,
  Readiness,
  Seat,
  SeatAssignmentRow,
  UnitRow,
} from '../../src/db/tables.js';

/** The day every test org is looked at unless it says otherwise. */
export const TODAY = '2026-06-01';
/** The day every row starts unless it says otherwise. */
const LONG_AGO = '2025-01-01';

/**
 * A compact org description. People are named by a short key (`ana` becomes "Ana",
 * ana@example.com); units by slug (name: the slug capitalized). `el`/`tl` on a unit are
 * current seat holders since LONG_AGO; `seats` adds dated history.
 */
export interface OrgSpec {
  people?: (string | { key: string; name?: string; manager?: string; departedOn?: Day })[];
  units: {
    slug: string;
    layer: Layer;
    parent?: string;
    el?: string;
    tl?: string;
    members?: string[];
    createdOn?: Day;
    archivedOn?: Day;
  }[];
  seats?: { unit: string; seat: Seat; person: string; from?: Day; to?: Day; acting?: boolean }[];
  memberships?: { unit: string; person: string; from?: Day; to?: Day }[];
  aors?: {
    slug: string;
    unit: string;
    criticality?: Criticality;
    owner?: string;
    backups?: string[];
    retiredOn?: Day;
  }[];
  candidates?: {
    unit: string;
    seat: Seat;
    person: string;
    readiness: Readiness;
    from?: Day;
    to?: Day;
  }[];
  openRoles?: {
    unit: string;
    seat: Seat | 'ENGINEER';
    status?: OpenRoleRow['status'];
    openedOn?: Day;
    closedOn?: Day;
  }[];
}

export interface BuiltOrg {
  history: OrgHistory;
  /** Unit id by slug. */
  u: (slug: string) => number;
  /** Person id by key. */
  p: (key: string) => number;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function buildHistory(spec: OrgSpec): BuiltOrg {
  const personIds = new Map<string, number>();
  const unitIds = new Map<string, number>();
  const p = (key: string) => lookup(personIds, key, 'person');
  const u = (slug: string) => lookup(unitIds, slug, 'unit');
  const personSpecs = (spec.people ?? []).map((x) => (typeof x === 'string' ? { key: x } : x));
  // Everyone named anywhere exists, so a test only lists people to give them a manager.
  const named = new Set(personSpecs.map((x) => x.key));
  for (const key of mentionedPeople(spec)) {
    if (!named.has(key)) personSpecs.push({ key });
    named.add(key);
  }
  for (const [i, x] of personSpecs.entries()) personIds.set(x.key, i + 1);
  for (const [i, x] of spec.units.entries()) unitIds.set(x.slug, 100 + i);

  let nextId = 1000;
  const id = () => nextId++;
  const people: PersonRow[] = personSpecs.map((x) => ({
    id: p(x.key),
    email: `${x.key}@example.com`,
    name: x.name ?? capitalize(x.key),
    title: null,
    level: null,
    managerId: 'manager' in x && x.manager ? p(x.manager) : null,
    startedOn: null,
    departedOn: ('departedOn' in x && x.departedOn) || null,
  }));
  const units: UnitRow[] = spec.units.map((x) => ({
    id: u(x.slug),
    slug: x.slug,
    name: capitalize(x.slug),
    layer: x.layer,
    parentId: x.parent ? u(x.parent) : null,
    charter: null,
    createdOn: x.createdOn ?? ORG_DAYS.first,
    archivedOn: x.archivedOn ?? null,
  }));
  const seatRows: NonNullable<OrgSpec['seats']> = [
    ...spec.units.flatMap((x) => [
      ...(x.el ? [{ unit: x.slug, seat: 'ENG_LEAD' as const, person: x.el }] : []),
      ...(x.tl ? [{ unit: x.slug, seat: 'TECH_LEAD' as const, person: x.tl }] : []),
    ]),
    ...(spec.seats ?? []),
  ];
  const seatAssignments: SeatAssignmentRow[] = seatRows.map((x) => ({
    id: id(),
    unitId: u(x.unit),
    seat: x.seat,
    personId: p(x.person),
    acting: x.acting ?? false,
    ...dates(x),
  }));
  const membershipSpecs: NonNullable<OrgSpec['memberships']> = [
    ...spec.units.flatMap((x) => (x.members ?? []).map((person) => ({ unit: x.slug, person }))),
    ...(spec.memberships ?? []),
  ];
  const memberships: MembershipRow[] = membershipSpecs.map((x) => ({
    id: id(),
    unitId: u(x.unit),
    personId: p(x.person),
    ...dates(x),
  }));
  const aors: AorRow[] = (spec.aors ?? []).map((x, i) => ({
    id: 500 + i,
    slug: x.slug,
    name: capitalize(x.slug),
    description: null,
    criticality: x.criticality ?? 'MEDIUM',
    unitId: u(x.unit),
    createdOn: ORG_DAYS.first,
    retiredOn: x.retiredOn ?? null,
  }));
  const ownerships: AorOwnershipRow[] = (spec.aors ?? []).flatMap((x, i) =>
    [
      ...(x.owner ? [{ person: x.owner, role: 'PRIMARY' as const }] : []),
      ...(x.backups ?? []).map((person) => ({ person, role: 'BACKUP' as const })),
    ].map((o) => ({ id: id(), aorId: 500 + i, personId: p(o.person), role: o.role, ...dates({}) })),
  );
  const candidates: CandidateRow[] = (spec.candidates ?? []).map((x) => ({
    id: id(),
    unitId: u(x.unit),
    seat: x.seat,
    personId: p(x.person),
    readiness: x.readiness,
    notes: null,
    ...dates(x),
  }));
  const openRoles: OpenRoleRow[] = (spec.openRoles ?? []).map((x) => ({
    id: id(),
    unitId: u(x.unit),
    seat: x.seat,
    status: x.status ?? 'OPEN',
    openedOn: x.openedOn ?? LONG_AGO,
    closedOn: x.closedOn ?? null,
  }));
  // As the migration and an import date what was there before anything recorded: units and
  // reporting lines from the first day the org can mean (a unit may say otherwise).
  const founded = ORG_DAYS.first;
  const line = () => ({ id: id(), startedOn: founded, endedOn: null });
  const reportingLines = people.flatMap((x) =>
    x.managerId === null ? [] : [{ ...line(), personId: x.id, managerId: x.managerId }],
  );
  const unitParents = units.flatMap((x) =>
    x.parentId === null
      ? []
      : [{ ...line(), unitId: x.id, parentId: x.parentId, startedOn: x.createdOn }],
  );
  return {
    history: {
      units,
      people,
      seatAssignments,
      memberships,
      aors,
      ownerships,
      candidates,
      openRoles,
      reportingLines,
      unitParents,
      aorUnits: aors.map((a) => ({ ...line(), aorId: a.id, unitId: a.unitId })),
      policies: [],
    },
    u,
    p,
  };
}

export interface BuiltState extends BuiltOrg {
  state: OrgState;
}

/** The org of `spec` as it stands on `asOf`. */
export function buildState(spec: OrgSpec, asOf: Day = TODAY): BuiltState {
  const built = buildHistory(spec);
  return { ...built, state: orgStateOn(built.history, asOf) };
}

function dates(x: { from?: Day; to?: Day }): { startedOn: Day; endedOn: Day | null } {
  return { startedOn: x.from ?? LONG_AGO, endedOn: x.to ?? null };
}

function lookup(ids: Map<string, number>, key: string, what: string): number {
  const found = ids.get(key);
  if (found === undefined) throw new Error(`test org has no ${what} "${key}"`);
  return found;
}

function mentionedPeople(spec: OrgSpec): string[] {
  return [
    ...(spec.people ?? []).map((x) => (typeof x === 'string' ? undefined : x.manager)),
    ...spec.units.flatMap((x) => [x.el, x.tl, ...(x.members ?? [])]),
    ...(spec.seats ?? []).map((x) => x.person),
    ...(spec.memberships ?? []).map((x) => x.person),
    ...(spec.aors ?? []).flatMap((x) => [x.owner, ...(x.backups ?? [])]),
    ...(spec.candidates ?? []).map((x) => x.person),
  ].filter((x): x is string => x !== undefined);
}

/** `n` person keys: crew('s', 3) is s1, s2, s3. */
export function crew(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

/**
 * A finding in one line: `SEVERITY KIND unit [SEAT] [people keys]`, e.g.
 * `HIGH NO_SUCCESSOR storage ENG_LEAD ana`: tables of expected findings stay readable.
 */
export function line(
  state: OrgState,
  f: { severity: string; kind: string; unitId: number; seat: Seat | null; personIds: number[] },
): string {
  const people = f.personIds.map((id) => state.people.get(id)?.email.split('@')[0] ?? `#${id}`);
  return [f.severity, f.kind, state.unitsById.get(f.unitId)?.slug, f.seat, people.join(',')]
    .filter(Boolean)
    .join(' ');
}
