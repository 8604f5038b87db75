import { FINDING_KINDS, type FindingKind } from '../core/findings/types.js';
import type { KindRule, Policy as PolicyData } from '../core/policy.js';
import { FindingKindEnum, SeverityEnum } from '../findings/schema.js';
import { asOfArg } from '../graphql/args.js';
import { atMost } from '../graphql/bounds.js';
import { builder } from '../graphql/builder.js';
import { orgMutation } from '../graphql/mutation.js';
import { payloadType } from '../graphql/user-errors.js';
import type { UserErrorData } from '../writes/errors.js';
import { policyChangeSchema, setPolicy } from './writes.js';

type PolicyKindData = KindRule & { kind: FindingKind };
type PolicySet = { policy: PolicyData | null };
const notSet: PolicySet = { policy: null };

const PolicyKind = builder.objectRef<PolicyKindData>('PolicyKind').implement({
  description: "The policy's word on one kind of finding.",
  fields: (t) => ({
    kind: t.expose('kind', { type: FindingKindEnum, description: 'The kind.' }),
    severity: t.expose('severity', {
      type: SeverityEnum,
      nullable: true,
      description: 'The severity findings of this kind get; null: SPEC’s own.',
    }),
    off: t.exposeBoolean('off', { description: 'Findings of this kind are not reported.' }),
  }),
});

export const Policy = builder.objectRef<PolicyData>('Policy').implement({
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
  input: builder.inputType('SetPolicyInput', {
    description: 'A change of the org’s policy.',
    fields: (t) => ({
      on: t.field({ type: 'Date', description: 'The first day it is in force (default: today).' }),
      tlmTeamSize: t.int({ description: 'TLM Teams of this many engineers or more are strained.' }),
      longTlmDays: t.int({ description: 'Days in TLM beyond which a Team is LONG_RUNNING_TLM.' }),
      spanLimit: t.int({ description: 'Direct reports beyond which a manager is WIDE_SPAN.' }),
      actingDays: t.int({ description: 'Days acting beyond which a seat is LONG_ACTING.' }),
      kinds: t.field({
        type: [
          builder.inputType('PolicyKindInput', {
            description: 'One kind’s override.',
            fields: (k) => ({
              kind: k.field({ type: FindingKindEnum, required: true, description: 'The kind.' }),
              severity: k.field({
                type: SeverityEnum,
                description: 'Its severity (omitted: SPEC’s own).',
              }),
              off: k.boolean({ description: 'Not reported at all (default: false).' }),
            }),
          }),
        ],
        description: 'Overrides per kind; kinds not listed keep theirs.',
        // One override a kind at the most: more would only repeat one.
        ...atMost(FINDING_KINDS.length, 'kinds'),
      }),
    }),
  }),
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
