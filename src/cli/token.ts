import {
  type Command,
  parseOptions,
  reportUserErrors,
  TODAY_OPTION,
  withOperator,
} from './command.js';
import { badUsage, oneOf } from './failures.js';

const ROLES = ['VIEWER', 'PLANNER', 'ADMIN'] as const;

const CREATE = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  token apiToken { name role scope { slug } } userErrors { path message }
} }`;
interface CreatePayload {
  token: string | null;
  apiToken: { name: string; role: string; scope: { slug: string } | null } | null;
  userErrors: { path: string | null; message: string }[];
}

/**
 * `token create`: an API token minted by the operator, through the same mutation and audit
 * log as the API's, so whoever can run the CLI beside the org — and so already holds its
 * data — is never locked out of it by a lost token.
 */
export const tokenCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      options: {
        ...TODAY_OPTION,
        role: { type: 'string' },
        name: { type: 'string' },
        scope: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (positionals.length !== 1 || positionals[0] !== 'create') {
      throw badUsage('token takes "create"');
    }
    if (values.role === undefined) throw badUsage(`--role is needed: one of ${ROLES.join(', ')}`);
    if (values.name === undefined) throw badUsage('--name is needed: what the token is for');
    const input = {
      role: oneOf('--role', values.role, ROLES),
      name: values.name,
      scope: values.scope ?? null,
    };
    const { createApiToken: created } = await withOperator(io, values.today, (org) =>
      org.ask<{ createApiToken: CreatePayload }>(CREATE, { input }),
    );
    if (created.userErrors.length > 0 || !created.token || !created.apiToken) {
      return reportUserErrors(io, created.userErrors, {
        'input.name': '--name',
        'input.role': '--role',
        'input.scope': '--scope',
      });
    }
    const { name, role, scope } = created.apiToken;
    const within = scope ? ` within ${scope.slug}` : '';
    io.out(
      `Created the ${role} token "${name}"${within}. Its secret, shown this once:\n` +
        `  ${created.token}\n` +
        'Send it as "Authorization: Bearer <token>" (GraphiQL: the Headers tab; the dashboard: API token).\n',
    );
    return 0;
  },
};
