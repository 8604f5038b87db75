import { FINDING_KINDS, type FindingKind } from '../core/findings/types.js';
import type { KindRule } from '../core/policy.js';
import { FindingKindEnum, SeverityEnum } from '../findings/schema.js';
import { atMost } from '../graphql/bounds.js';
import { builder } from '../graphql/builder.js';

export type PolicyKindData = KindRule & { kind: FindingKind };

export const PolicyKind = builder.objectRef<PolicyKindData>('PolicyKind').implement({
  description: "The policy's word on one kind of finding.",
  fields: (t) => ({
    kind: t.expose('kind', { type: FindingKindEnum, description: 'The kind.' }),
    severity: t.expose('severity', {
      type: SeverityEnum,
      nullable: true,
      description:
        'The severity findings of this kind get; null: the kind’s own (docs/contract.md, findings).',
    }),
    off: t.exposeBoolean('off', { description: 'Findings of this kind are not reported.' }),
  }),
});

/** A change of the policy: `setPolicy`'s input, and a scenario's `setPolicy` change. */
export const SetPolicyInput = builder.inputType('SetPolicyInput', {
  description: 'A change of the org’s policy.',
  fields: (t) => ({
    on: t.field({
      type: 'Date',
      description:
        'The first day it is in force (default: today); a policy recorded for a later day stays, ' +
        'this one holding until the day before it.',
    }),
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
              description: 'Its severity (omitted: the kind’s own, docs/contract.md).',
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
});
