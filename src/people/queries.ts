import { personWithEmail } from '../core/org/on-day.js';
import type { Day } from '../core/org/state.js';
import { personIn, teamIn } from '../graphql/arg-lookups.js';
import { asOfArg, keyRule, orgFor } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { onDay, readOn } from '../graphql/on-day.js';
import { arrayPage } from '../graphql/pagination.js';
import { findPeople, type PeopleFilter, peopleIndexOf } from './search.js';
import { Person } from './types.js';

interface PeopleArgs {
  search?: string | null;
  team?: string | null;
  manager?: string | null;
  includeDeparted?: boolean | null;
}

/** The arguments as a filter on `day`; a team or manager that names nothing is a NOT_FOUND error. */
async function filterOf(args: PeopleArgs, context: Context, day: Day): Promise<PeopleFilter> {
  const filter: PeopleFilter = {
    search: args.search ?? undefined,
    includeDeparted: args.includeDeparted ?? false,
    day,
  };
  if (args.team == null && args.manager == null) return filter;
  const state = await orgFor(context, day);
  if (args.team != null) {
    filter.ids = new Set(state.members.get(teamIn(state, args.team, 'team').id));
  }
  if (args.manager != null) {
    const managerId = personIn(state, args.manager, 'manager').id;
    filter.reportsTo = { managerId, managerOf: (id) => state.people.get(id)?.managerId ?? null };
  }
  return filter;
}

/**
 * The arguments as they choose the list, so that a cursor is honoured under each way of
 * writing the same choice: a search in any case or padding, an email in any case,
 * `includeDeparted: false` (the default) written out.
 */
const chosenBy = ({ search, team, manager, includeDeparted }: PeopleArgs) => ({
  search: search?.trim().toLowerCase() || null,
  team,
  manager: manager?.toLowerCase(),
  includeDeparted: includeDeparted || null,
});

// PostgreSQL text cannot hold NUL; refusing it here names the argument instead of failing.
const noNul = [(s: string) => !s.includes('\u0000'), { message: 'must not contain NUL' }] as const;

builder.queryFields((t) => ({
  person: t.field({
    type: Person,
    nullable: true,
    description:
      'One person by email, case-insensitively (null when there is none), their fields ' +
      'answering for `asOf`.',
    authScopes: { viewer: true },
    args: { email: t.arg.string({ required: true, validate: keyRule }), asOf: asOfArg(t.arg) },
    resolve: (_root, { email, asOf }, context) =>
      readOn(context, asOf ?? context.today, (org) =>
        org.person(personWithEmail(org.state, email)?.id ?? null),
      ),
  }),
  people: t.connection(
    {
      type: Person,
      description:
        'People in email order (a search: those whose name, a word of it, or email starts ' +
        'with the text first), as of `asOf`. Filters combine; people departed by then only ' +
        'with `includeDeparted`. ' +
        'Searches use an index of the org built once per change, not a scan.',
      authScopes: { viewer: true },
      args: {
        search: t.arg.string({
          description: 'Part of the name or email, any case: "ana", "ruiz", "@example.com".',
          validate: {
            maxLength: [254, { message: 'must be at most 254 characters' }],
            refine: [...noNul],
          },
        }),
        team: t.arg.string({
          description: "A Team's slug: its members on the day.",
          validate: keyRule,
        }),
        manager: t.arg.string({
          description: "A person's email: their direct reports.",
          validate: keyRule,
        }),
        asOf: asOfArg(t.arg),
        includeDeparted: t.arg.boolean({
          description: 'Also people who have left (default: false).',
        }),
      },
      resolve: async (_root, { first, after, last, before, asOf, ...args }, context) => {
        const day = asOf ?? context.today;
        const [filter, rows] = await Promise.all([
          filterOf(args, context, day),
          context.org.rows(),
        ]);
        const people = findPeople(peopleIndexOf(rows), filter);
        const of = { list: 'people', day, chosenBy: chosenBy(args) };
        const page = await arrayPage({ first, after, last, before }, people, of);
        return { ...page, edges: page.edges.map((e) => ({ ...e, node: onDay(e.node, day) })) };
      },
    },
    { name: 'PersonConnection', description: 'A page of people.' },
    { name: 'PersonEdge', description: 'A person and their cursor.' },
  ),
}));
