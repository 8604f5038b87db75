import type { ArgBuilder } from '@pothos/core';
import { addDays } from '../core/org/days.js';
import { latestInForce } from '../core/org/in-force.js';
import { aorUnitFrom } from '../core/org/lines.js';
import type { Day, OrgState } from '../core/org/state.js';
import type { AorRow, PersonRow, UnitRow } from '../db/tables.js';
import { aorRows, parentsByUnit, unitsByAor } from '../store/history-rows.js';
import type { LoadedOrg } from '../store/org-views.js';
import { withOrg } from './args.js';
import type { Types } from './builder.js';
import type { Context } from './context.js';
import { placeholdersOf } from './placeholders.js';

/**
 * An object answered for a day (SPEC "One read model"): a root field fixes the day (`asOf`,
 * default today) and every object it returns carries it, so every field nested under it —
 * leads, members, reports, owners — answers for that same day and a list never mixes days.
 * An object without a day (a mutation's payload, an object refetched by id) answers for the
 * request's today.
 */
export type OnDay<T> = T & { day?: Day; planned?: LoadedOrg };

/**
 * `value` answered for `day`; with `planned`, in the org a plan describes (a scenario's or a
 * departure's what-if) rather than the org as it stands: what is nested under it — a
 * person's team and seats, a unit's parent — answers as the plan would make it.
 */
export function onDay<T extends object>(
  value: T,
  day: Day,
  planned?: LoadedOrg,
): T & { day: Day; planned?: LoadedOrg } {
  return planned ? { ...value, day, planned } : { ...value, day };
}

/** Each of `values` answered for `day` (in the `planned` org, when given). */
export function onDayAll<T extends object>(
  values: readonly T[],
  day: Day,
  planned?: LoadedOrg,
): (T & { day: Day })[] {
  return values.map((value) => onDay(value, day, planned));
}

/** The day an object answers for. */
export function dayOf(value: { day?: Day }, context: Context): Day {
  return value.day ?? context.today;
}

/**
 * The description of a history row's `endedOn`: the row's own last day, as recorded on any
 * day asked (a planned end tells when a holding is due to end), unlike an open role's
 * `closedOn`, which carries the role's status on the day.
 */
export const endedAsRecorded = (what: string) =>
  `Last day ${what} (inclusive), as recorded: an end planned for a later day shows on ` +
  'every day asked; null while no end is recorded.';

/**
 * The `asOf` argument of a nested field that has its own: it overrides the day of the
 * object the field is asked of.
 */
export const nestedDayArg = (arg: ArgBuilder<Types>) =>
  arg({
    type: 'Date',
    description: 'Answer as of this day (default: the day the enclosing answer is for).',
  });

/**
 * The org on one day, and its rows as objects answered for that day: of the org as it stands,
 * or of a planned one (`planned`), which the objects carry on to the fields nested under them.
 */
export class OrgOnDay {
  readonly state: OrgState;

  constructor(
    readonly org: LoadedOrg,
    readonly day: Day,
    private readonly context: Context,
    readonly planned?: LoadedOrg,
  ) {
    this.state = org.on(day);
  }

  /** A row of this org, answered for its day. */
  dated<T extends object>(row: T): OnDay<T> & { day: Day } {
    return onDay(row, this.day, this.planned);
  }

  /** Rows of this org, answered for its day. */
  datedAll<T extends object>(rows: readonly T[]): (OnDay<T> & { day: Day })[] {
    return onDayAll(rows, this.day, this.planned);
  }

  /** A unit by id (null for none). */
  unit(id: number | null): OnDay<UnitRow> | null {
    const row = id === null ? undefined : this.org.rows().units.get(id);
    return row ? this.dated(row) : null;
  }

  /**
   * A unit a history answer names (a churn change): on the day, or, not there that day, on
   * the nearest day it was — its last day when archived by then, its first when created
   * later — so what is asked of it (coverage, leads) is what it had, not an error that takes
   * the whole list with it.
   */
  unitLastSeen(id: number): OnDay<UnitRow> {
    const row = this.org.rows().units.get(id) ?? missing('unit', id);
    const { archivedOn, createdOn } = row;
    if (archivedOn !== null && archivedOn <= this.day) {
      return onDay(row, addDays(archivedOn, -1), this.planned);
    }
    return createdOn > this.day ? onDay(row, createdOn, this.planned) : this.dated(row);
  }

  /**
   * A unit's parent on the day, from the parents' history: also for a unit archived by
   * then (`unit(slug)` still finds it), whose last parent stays recorded.
   */
  parentOf(unitId: number): OnDay<UnitRow> | null {
    const rows = parentsByUnit(this.org.history).get(unitId) ?? [];
    return this.unit(latestInForce(rows, this.day)?.parentId ?? null);
  }

  /** An AoR's unit on the day, from its units' history (`aorUnitFrom`). */
  unitOfAor(aor: AorRow): OnDay<UnitRow> {
    const rows = unitsByAor(this.org.history).get(aor.id) ?? [];
    return this.theUnit(aorUnitFrom(rows, aor, this.day));
  }

  /** A unit an answer names: it is in the snapshot the answer came from. */
  theUnit(id: number): OnDay<UnitRow> {
    return this.unit(id) ?? missing('unit', id);
  }

  units(ids: Iterable<number>): OnDay<UnitRow>[] {
    return [...ids].flatMap((id) => this.unit(id) ?? []);
  }

  /** A person, or a scenario's placeholder hire of this request (negative ids). */
  person(id: number | null): OnDay<PersonRow> | null {
    if (id === null) return null;
    const row = this.org.rows().people.get(id) ?? placeholdersOf(this.context).get(id);
    return row ? this.dated(row) : null;
  }

  /** Who a person reports to on the day (null: nobody). */
  managerOf(personId: number): OnDay<PersonRow> | null {
    return this.person(this.state.people.get(personId)?.managerId ?? null);
  }

  /** A person an answer names: they are in the snapshot the answer came from. */
  thePerson(id: number): OnDay<PersonRow> {
    return this.person(id) ?? missing('person', id);
  }

  people(ids: Iterable<number>): OnDay<PersonRow>[] {
    return [...ids].flatMap((id) => this.person(id) ?? []);
  }

  aors(ids: Iterable<number>): OnDay<AorRow>[] {
    const rows = aorRows(this.org.history);
    return [...ids].flatMap((id) => {
      const row = rows.get(id);
      return row ? [this.dated(row)] : [];
    });
  }
}

function missing(kind: string, id: number): never {
  throw new Error(`no ${kind} #${id} in the org snapshot`);
}

/** `answer` over the org on `day`: synchronously once the request has loaded the snapshot. */
export function readOn<T>(
  context: Context,
  day: Day,
  answer: (org: OrgOnDay) => T,
  planned?: LoadedOrg,
): T | Promise<T> {
  if (planned) return answer(new OrgOnDay(planned, day, context, planned));
  return withOrg(context, (org) => answer(new OrgOnDay(org, day, context)));
}

/** `answer` over the org on the day `value` answers for. */
export function readFor<T>(
  context: Context,
  value: OnDay<object>,
  answer: (org: OrgOnDay) => T,
): T | Promise<T> {
  return readAsOf(context, value, null, answer);
}

/**
 * `answer` over the org `value` is of (as it stands, or planned) on `asOf`: a nested field's
 * own day, by default the day `value` answers for.
 */
export function readAsOf<T>(
  context: Context,
  value: OnDay<object>,
  asOf: Day | null | undefined,
  answer: (org: OrgOnDay) => T,
): T | Promise<T> {
  return readOn(context, asOf ?? dayOf(value, context), answer, value.planned);
}

/**
 * The load function of a node type over the snapshot (`node(id:)`, and fields that answer
 * an id): the rows with these ids, missing ones left out.
 */
export function snapshotLoader<R>(
  rowsOf: (org: LoadedOrg, context: Context) => { get(id: number): R | undefined },
): (ids: number[], context: Context) => Promise<R[]> {
  return async (ids, context) => {
    await context.org.ready();
    const rows = rowsOf(context.org.loaded() as LoadedOrg, context);
    return ids.flatMap((id) => rows.get(id) ?? []);
  };
}

/** The resolver of the `unit` of an answer about one: that unit, on the answer's day. */
export const unitOf = (answer: OnDay<{ unitId: number }>, _args: object, context: Context) =>
  readFor(context, answer, (org) => org.theUnit(answer.unitId));
