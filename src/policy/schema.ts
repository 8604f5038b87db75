import { FINDING_KINDS } from '../core/findings/types.js';
import type { Policy as PolicyData } from '../core/policy.js';
import { asOfArg } from '../graphql/args.js';
import { builder } from '../graphql/builder.js';
import { orgMutation } from '../graphql/mutation.js';
import { payloadType } from '../graphql/user-errors.js';
import type { UserErrorData } from '../writes/errors.js';
import { PolicyKind, SetPolicyInput } from './types.js';
import { policyChangeSchema, setPolicy } from './writes.js';

type PolicySet = { policy: PolicyData | null };
const notSet: PolicySet = { policy: null };

const Policy = builder.objectRef<PolicyData>('Policy').implement({
  description:
    'The thresholds that shape coverage health and findings, and per kind a severity ' +
    'override or `off`: the org’s policy in force on a day.',
  fields: (t) => ({
    since: t.expose('since', { type: 'Date', description: 'In force since this day.' }),
    tlmTeamSize: t.int({
      description: 'A TLM Team with this many engineers or more is beyond the threshold.',
      resolve: (p) => p.tlmEngineers,
    }),
    longTlmDays: t.exposeInt('longTlmDays', {
      description: 'A Team in TLM for more than this many days is LONG_RUNNING_TLM.',
    }),
    spanLimit: t.exposeInt('spanLimit', {
      description: 'A manager with more direct reports than this is WIDE_SPAN.',
    }),
    actingDays: t.exposeInt('actingDays', {
      description: 'An acting holder for more than this many days is LONG_ACTING.',
    }),
    kinds: t.field({
      type: [PolicyKind],
      description: 'Every FindingKind, with its override.',
      resolve: (p) =>
        FINDING_KINDS.map((kind) => ({ kind, severity: null, off: false, ...p.kinds?.[kind] })),
    }),
  }),
});

builder.queryFields((t) => ({
  policy: t.field({
    type: Policy,
    description: 'The org’s policy in force on a day (default: today).',
    authScopes: { viewer: true },
    args: { asOf: asOfArg(t.arg) },
    resolve: (_root, { asOf }, context) => context.org.policyOn(asOf ?? context.today),
  }),
}));

orgMutation({
  name: 'setPolicy',
  description:
    'Sets the org’s policy from `on` (default today); omitted fields keep their value, a kind ' +
    'listed replaces its override. The policy until then is kept as history.',
  input: SetPolicyInput,
  payload: payloadType<PolicySet & { userErrors: UserErrorData[] }>(
    'SetPolicyPayload',
    'The policy set.',
    (t) => ({
      policy: t.expose('policy', {
        type: Policy,
        nullable: true,
        description: 'The policy from `on`.',
      }),
    }),
  ),
  failed: notSet,
  schema: policyChangeSchema,
  write: (draft, input): PolicySet => setPolicy(draft, input),
});
