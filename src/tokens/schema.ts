import { type ApiTokenRow, apiRoleEnum, apiTokenTable } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { type OnDay, readFor } from '../graphql/on-day.js';
import { tablePage } from '../graphql/table-page.js';
import { OrgUnit } from '../units/types.js';
import { everyToken, tokensById } from './tokens.js';

export const RoleEnum = builder.enumType('Role', {
  description:
    'What a caller may do. VIEWER: structure, coverage, findings that reveal no candidates. ' +
    'PLANNER: also the succession bench, departure impact, scenarios (read and write) and ' +
    'exportOrg. ADMIN: also every other mutation and token management.',
  values: apiRoleEnum.enumValues,
});

const instant = (date: Date | null) => date?.toISOString() ?? null;

/** Never exposes the secret or its hash: only what an admin needs to tell tokens apart. */
export const ApiToken = builder.loadableNode('ApiToken', {
  description: 'An API token (its secret is shown once, at creation, and stored hashed).',
  authScopes: { admin: true },
  id: rowId,
  load: (ids: number[], { db }) => tokensById(db, ids),
  sort: (token: ApiTokenRow) => token.id,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the token is for.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What it may do.' }),
    scope: t.field({
      type: OrgUnit,
      nullable: true,
      description:
        'The unit whose subtree bounds its confidential reads, as it stands on the day asked ' +
        '(`node(id, asOf)`; else today); null: the whole org.',
      resolve: (token: OnDay<ApiTokenRow>, _args, context) =>
        readFor(context, token, (org) => org.unit(token.scopeUnitId)),
    }),
    createdAt: t.string({
      description: 'When it was created (ISO 8601).',
      resolve: (token) => token.createdAt.toISOString(),
    }),
    lastUsedAt: t.string({
      nullable: true,
      description:
        'When it was last used (ISO 8601), written at most once a minute; null if never.',
      resolve: (token) => instant(token.lastUsedAt),
    }),
    revokedAt: t.string({
      nullable: true,
      description: 'When it was revoked, if it was.',
      resolve: (token) => instant(token.revokedAt),
    }),
  }),
});

builder.queryFields((t) => ({
  apiTokens: t.connection(
    {
      type: ApiToken,
      description: 'Every API token, revoked ones included, newest first (ADMIN). No secrets.',
      authScopes: { admin: true },
      resolve: (_root, page, { db }) =>
        tablePage(db, apiTokenTable, everyToken, page, { list: 'apiTokens' }),
    },
    { name: 'ApiTokenConnection', description: 'A page of API tokens.' },
    { name: 'ApiTokenEdge', description: 'A token and its cursor.' },
  ),
}));
