import { keyRule } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { sqlPage } from '../graphql/pagination.js';
import { countPeople, listPeople, peopleByEmails } from './data.js';
import { Person } from './types.js';

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
      description: 'Everyone, departed people included, in email order.',
      authScopes: { viewer: true },
      resolve: async (_root, page, { db }) =>
        sqlPage(
          page,
          () => countPeople(db),
          (offset, limit) => listPeople(db, offset, limit),
        ),
    },
    { name: 'PersonConnection', description: 'A page of people.' },
    { name: 'PersonEdge', description: 'A person and their cursor.' },
  ),
}));
