import { z } from 'zod';
import type { Db } from '../db/database.js';
import { type ApiTokenRow, apiRoleEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { writerOf } from '../graphql/mutation.js';
import { rowKeyOf } from '../graphql/node-id.js';
import { payloadType } from '../graphql/user-errors.js';
import { unitsByIds, unitsBySlugs } from '../units/data.js';
import { type UserErrorData, UserInputError } from '../writes/errors.js';
import { nameSchema, refSchema } from '../writes/fields.js';
import { activeUnit } from '../writes/lookup.js';
import { type AuditEntry, parseInput, runAudited } from '../writes/run.js';
import { ApiToken, RoleEnum } from './schema.js';
import { createToken, revokeToken } from './tokens.js';

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  description: 'A new API token.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'What the token is for, e.g. "dashboard".' }),
    role: t.field({ type: RoleEnum, required: true, description: 'What it may do.' }),
    scope: t.string({
      description:
        'A unit slug: the token reads confidential data (bench, candidates, departure impact) ' +
        'of that unit and below only. VIEWER and PLANNER tokens only; none: the whole org.',
    }),
  }),
});

const RevokeApiTokenInput = builder.inputType('RevokeApiTokenInput', {
  description: 'The token to revoke.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The ApiToken id.' }) }),
});

const createSchema = z.object({
  name: nameSchema,
  role: z.enum(apiRoleEnum.enumValues),
  scope: refSchema.nullish(),
});

interface TokenChange {
  apiToken: ApiTokenRow | null;
}
interface NewTokenChange extends TokenChange {
  token: string | null;
}
type Errors = { userErrors: UserErrorData[] };
const noToken: NewTokenChange = { token: null, apiToken: null };

const CreateApiTokenPayload = payloadType<NewTokenChange & Errors>(
  'CreateApiTokenPayload',
  'The new token: `token` is the secret, shown this once and never again.',
  (t) => ({
    token: t.exposeString('token', { nullable: true, description: 'The bearer secret.' }),
    apiToken: t.expose('apiToken', { type: ApiToken, nullable: true, description: 'The token.' }),
  }),
);

const RevokeApiTokenPayload = payloadType<TokenChange & Errors>(
  'RevokeApiTokenPayload',
  'The revoked token; a revoked token stops working at once.',
  (t) => ({
    apiToken: t.expose('apiToken', { type: ApiToken, nullable: true, description: 'The token.' }),
  }),
);

type Audit = (entry: AuditEntry) => void;

/** What the audit log keeps of a token: never its secret or hash. */
async function auditView(tx: Db, token: ApiTokenRow) {
  const [unit] = token.scopeUnitId === null ? [] : await unitsByIds(tx, [token.scopeUnitId]);
  return { name: token.name, role: token.role, scope: unit?.slug ?? null };
}

/** The unit a token is scoped to: one that exists and is not archived. */
async function scopeUnit(tx: Db, slug: string) {
  const [unit] = await unitsBySlugs(tx, [slug]);
  return activeUnit(unit, slug, 'input.scope');
}

async function create(
  tx: Db,
  audit: Audit,
  input: z.output<typeof createSchema>,
): Promise<NewTokenChange> {
  if (input.role === 'ADMIN' && input.scope) {
    const message = 'an ADMIN token is never scoped: leave out scope, or choose VIEWER or PLANNER';
    throw UserInputError.of('input.scope', message, 'VALIDATION');
  }
  const unit = input.scope ? await scopeUnit(tx, input.scope) : null;
  const { name, role } = input;
  const { token, secret } = await createToken(tx, { name, role, scopeUnitId: unit?.id ?? null });
  audit({
    unitId: token.scopeUnitId,
    personId: null,
    before: null,
    after: await auditView(tx, token),
  });
  return { token: secret, apiToken: token };
}

async function revoke(tx: Db, audit: Audit, id: string): Promise<TokenChange> {
  const key = rowKeyOf(id, 'ApiToken');
  const token = key === null ? null : await revokeToken(tx, key);
  if (!token) throw UserInputError.of('input.id', 'no active token with this id', 'NOT_FOUND');
  const view = await auditView(tx, token);
  audit({
    unitId: token.scopeUnitId,
    personId: null,
    before: view,
    after: { ...view, revokedAt: token.revokedAt },
  });
  return { apiToken: token };
}

/** A token write with its audit entry; bad input comes back as `userErrors`. */
async function tokenResult<T extends object>(
  context: Context,
  operation: string,
  failed: T,
  write: (tx: Db, audit: Audit) => Promise<T>,
): Promise<T & Errors> {
  try {
    return { ...(await runAudited(writerOf(context), operation, write)), userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { ...failed, userErrors: error.userErrors };
    throw error;
  }
}

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreateApiTokenPayload,
    description:
      'Creates an API token (ADMIN), optionally scoped. The secret is in the payload once.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: (_root, { input }, context) =>
      tokenResult(context, 'createApiToken', noToken, (tx, audit) =>
        create(tx, audit, parseInput(createSchema, input)),
      ),
  }),
  revokeApiToken: t.field({
    type: RevokeApiTokenPayload,
    description:
      'Revokes an API token (ADMIN) by its id from `apiTokens`; it is kept, marked revoked.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RevokeApiTokenInput, required: true }) },
    resolve: (_root, { input }, context) =>
      tokenResult<TokenChange>(context, 'revokeApiToken', { apiToken: null }, (tx, audit) =>
        revoke(tx, audit, String(input.id)),
      ),
  }),
}));
