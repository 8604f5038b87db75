import { type ApiTokenRow, apiRoleEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowId, rowKeyOf } from '../graphql/node-id.js';
import { payloadType } from '../graphql/user-errors.js';
import type { UserErrorData } from '../writes/errors.js';
import { createToken, revokeToken, tokensById } from './tokens.js';

const RoleEnum = builder.enumType('Role', {
  description:
    'What a token may do. VIEWER: structure, coverage, findings that reveal no candidates. ' +
    'PLANNER: also the succession bench and departure impact. ADMIN: also every mutation.',
  values: apiRoleEnum.enumValues,
});

const ApiToken = builder.loadableNode('ApiToken', {
  description: 'An API token (its secret is shown once, at creation, and stored hashed).',
  authScopes: { admin: true },
  id: rowId,
  load: (ids: number[], { db }) => tokensById(db, ids),
  sort: (token: ApiTokenRow) => token.id,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the token is for.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What it may do.' }),
    createdAt: t.string({
      description: 'When it was created (ISO 8601).',
      resolve: (token) => token.createdAt.toISOString(),
    }),
    revokedAt: t.string({
      nullable: true,
      description: 'When it was revoked, if it was.',
      resolve: (token) => token.revokedAt?.toISOString() ?? null,
    }),
  }),
});

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  description: 'A new API token.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'What the token is for, e.g. "dashboard".',
      validate: { minLength: 1, maxLength: 100 },
    }),
    role: t.field({ type: RoleEnum, required: true, description: 'What it may do.' }),
  }),
});

interface TokenPayload {
  apiToken: ApiTokenRow | null;
  userErrors: UserErrorData[];
}

const CreateApiTokenPayload = payloadType<TokenPayload & { token: string | null }>(
  'CreateApiTokenPayload',
  'The new token: `token` is the secret, shown this once and never again.',
  (t) => ({
    token: t.exposeString('token', { nullable: true, description: 'The bearer secret.' }),
    apiToken: t.expose('apiToken', { type: ApiToken, nullable: true, description: 'The token.' }),
  }),
);

const RevokeApiTokenInput = builder.inputType('RevokeApiTokenInput', {
  description: 'The token to revoke.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The ApiToken id.' }) }),
});

const RevokeApiTokenPayload = payloadType<TokenPayload>(
  'RevokeApiTokenPayload',
  'The revoked token; a revoked token stops working at once.',
  (t) => ({
    apiToken: t.expose('apiToken', { type: ApiToken, nullable: true, description: 'The token.' }),
  }),
);

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreateApiTokenPayload,
    description: 'Creates an API token (ADMIN). The secret is in the payload once.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: async (_root, { input }, { db }) => {
      const { token, secret } = await createToken(db, input.name, input.role);
      return { token: secret, apiToken: token, userErrors: [] };
    },
  }),
  revokeApiToken: t.field({
    type: RevokeApiTokenPayload,
    description: 'Revokes an API token (ADMIN); it is kept, marked revoked.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RevokeApiTokenInput, required: true }) },
    resolve: async (_root, { input }, { db }) => {
      const id = rowKeyOf(String(input.id), 'ApiToken');
      const apiToken = id === null ? null : await revokeToken(db, id);
      const notFound = {
        path: 'input.id',
        message: 'no active token with this id',
        code: 'NOT_FOUND',
      };
      return { apiToken, userErrors: apiToken ? [] : [notFound as UserErrorData] };
    },
  }),
}));
