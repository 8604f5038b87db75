import { isDay, isOrgDay, ORG_DAYS } from '../core/org/days.js';
import { personWithEmail } from '../core/org/on-day.js';
import { badArgument } from '../graphql/arg-lookups.js';
import { keyRule, orgFor } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { type OnDay, readFor } from '../graphql/on-day.js';
import { sqlPage } from '../graphql/pagination.js';
import { Person } from '../people/types.js';
import { OrgUnit } from '../units/types.js';
import {
  type ChangeFilter,
  type ChangeRow,
  changesByIds,
  countChanges,
  listChanges,
} from './data.js';

/** Audit rows keep any JSON; the API shows objects as they are and wraps anything else. */
function asObject(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };
}

const Change = builder.loadableNode('Change', {
  description: 'One audited write: who (token name), when, what, before and after.',
  authScopes: { admin: true },
  id: rowId,
  load: (ids: number[], { db }) => changesByIds(db, ids),
  sort: (change: ChangeRow) => change.id,
  fields: (t) => ({
    at: t.string({ description: 'When (ISO 8601 instant).', resolve: (c) => c.at.toISOString() }),
    actor: t.exposeString('actor', {
      description:
        'Who made it: `token:<name>` (an API token), `jwt:<subject>` (single sign-on), `cli`, ' +
        '`import` (the demo org) or `orgraph` (the starting policy).',
    }),
    operation: t.exposeString('operation', { description: 'The mutation, e.g. assignSeat.' }),
    unit: t.field({
      type: OrgUnit,
      nullable: true,
      description:
        'The unit touched, as it stands on the day asked (`node(id, asOf)`; else today).',
      resolve: (c: OnDay<ChangeRow>, _args, context) =>
        readFor(context, c, (org) => org.unit(c.unitId)),
    }),
    person: t.field({
      type: Person,
      nullable: true,
      description:
        'The person touched, as they stand on the day asked (`node(id, asOf)`; else today).',
      resolve: (c: OnDay<ChangeRow>, _args, context) =>
        readFor(context, c, (org) => org.person(c.personId)),
    }),
    before: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'The record before.',
      resolve: (c) => asObject(c.before),
    }),
    after: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'The record after.',
      resolve: (c) => asObject(c.after),
    }),
  }),
});

builder.queryFields((t) => ({
  changes: t.connection(
    {
      type: Change,
      description: 'The audit log, newest first, filterable by unit, person and time. ADMIN.',
      authScopes: { admin: true },
      args: {
        unit: t.arg.string({
          description: 'Only changes touching this unit (slug).',
          validate: keyRule,
        }),
        person: t.arg.string({
          description: 'Only changes touching this person (email).',
          validate: keyRule,
        }),
        since: t.arg.string({ description: 'From this ISO 8601 instant or day, inclusive.' }),
        until: t.arg.string({ description: 'Before this ISO 8601 instant or day.' }),
      },
      resolve: async (_root, { unit, person, since, until, ...page }, context) => {
        const { db } = context;
        const filter: ChangeFilter = {};
        // An unknown unit or person has no changes: an empty page, not an error.
        if (unit != null)
          filter.unitId = (await context.org.rows()).unitsBySlug.get(unit)?.id ?? -1;
        if (person != null) {
          filter.personId = personWithEmail(await orgFor(context, null), person)?.id ?? -1;
        }
        if (since != null) filter.since = instant(since, 'since');
        if (until != null) filter.until = instant(until, 'until');
        return sqlPage(
          page,
          () => countChanges(db, filter),
          (offset, limit) => listChanges(db, filter, offset, limit),
          { list: 'changes', chosenBy: { unit, person, since, until } },
        );
      },
    },
    { name: 'ChangeConnection', description: 'A page of the audit log.' },
    { name: 'ChangeEdge', description: 'A change and its cursor.' },
  ),
}));

/**
 * An ISO 8601 day or instant with its zone, on a day that exists in the years the org's days
 * span (`Date` alone reads "2026-02-30" as 2 March and years the database cannot hold).
 */
function instant(value: string, argument: string): Date {
  const date = new Date(value);
  const day = value.slice(0, 10);
  const valid = ISO_INSTANT.test(value) && !Number.isNaN(date.getTime());
  if (!valid || !isDay(day) || !isOrgDay(day)) {
    const expected = `an ISO 8601 instant or day from ${ORG_DAYS.first} to ${ORG_DAYS.last}`;
    throw badArgument(argument, `not ${expected}: "${value}"`);
  }
  return date;
}

/** A day, or an instant with its zone: seconds and fractions optional, `+01:00` or `+0100`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;
