import { personIn, teamIn } from '../graphql/arg-lookups.js';
import { keyRule, orgFor } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { arrayPage } from '../graphql/pagination.js';
import { peopleByEmails } from './data.js';
import { findPeople, type PeopleFilter, peopleIndexOf } from './search.js';
import { Person } from './types.js';

interface PeopleArgs {
  search?: string | null;
  team?: string | null;
  manager?: string | null;
  includeDeparted?: boolean | null;
}

/** The arguments as a filter; a team or manager that names nothing is a NOT_FOUND error. */
async function filterOf(args: PeopleArgs, context: Context): Promise<PeopleFilter> {
  const filter: PeopleFilter = {
    search: args.search ?? undefined,
    includeDeparted: args.includeDeparted ?? false,
    today: context.today,
  };
  if (args.team == null && args.manager == null) return filter;
  const state = await orgFor(context, null);
  if (args.team != null) {
    filter.ids = new Set(state.members.get(teamIn(state, args.team, 'team').id));
  }
  if (args.manager != null) filter.managerId = personIn(state, args.manager, 'manager').id;
  return filter;
}

// PostgreSQL text cannot hold NUL; refusing it here names the argument instead of failing.
const noNul = [(s: string) => !s.includes('\u0000'), { message: 'must not contain NUL' }] as const;

builder.queryFields((t) => ({
  person: t.field({
    type: Person,
    nullable: true,
    description: 'One person by email, case-insensitively (null when there is none).',
    authScopes: { viewer: true },
    args: { email: t.arg.string({ required: true, validate: keyRule }) },
    resolve: async (_root, { email }, { db }) => (await peopleByEmails(db, [email]))[0] ?? null,
  }),
  people: t.connection(
    {
      type: Person,
      description:
        'People in email order (a search: those whose name, a word of it, or email starts ' +
        'with the text first). Filters combine; departed people only with `includeDeparted`. ' +
        'Searches use an index of the org built once per change, not a scan.',
      authScopes: { viewer: true },
      args: {
        search: t.arg.string({
          description: 'Part of the name or email, any case: "ana", "ruiz", "@example.com".',
          validate: { maxLength: 254, refine: [...noNul] },
        }),
        team: t.arg.string({ description: "A Team's slug: its members today." }),
        manager: t.arg.string({ description: "A person's email: their direct reports." }),
        includeDeparted: t.arg.boolean({
          description: 'Also people who have left (default: false).',
        }),
      },
      resolve: async (_root, { first, after, last, before, ...args }, context) => {
        const [filter, rows] = await Promise.all([filterOf(args, context), context.org.rows()]);
        return arrayPage({ first, after, last, before }, findPeople(peopleIndexOf(rows), filter));
      },
    },
    { name: 'PersonConnection', description: 'A page of people.' },
    { name: 'PersonEdge', description: 'A person and their cursor.' },
  ),
}));
