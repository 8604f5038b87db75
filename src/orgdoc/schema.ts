import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../graphql/builder.js';
import { auditActor } from '../graphql/context.js';
import { COST, heavy } from '../graphql/costs.js';
import { payloadType } from '../graphql/user-errors.js';
import type { Counts as CountsData } from '../writes/draft.js';
import { exportOrgDocument } from './export.js';
import { type ImportResult, importOrgDocument } from './import.js';
import type { PlannedChange as PlannedChangeData } from './plan.js';

const ChangeAction = builder.enumType('ChangeAction', {
  description: 'What a planned change does to a row.',
  values: {
    CREATE: { description: 'A new row.' },
    UPDATE: { description: 'Fields of an existing row change.' },
    MOVE: { description: 'A unit or AoR under another parent, a person to another team.' },
    END: { description: 'A holding, membership or role ends; a person departs.' },
  } as const,
});

const PlannedChange = builder.objectRef<PlannedChangeData>('PlannedChange').implement({
  description: 'One change an import makes, or with `dryRun` would make.',
  fields: (t) => ({
    action: t.field({ type: ChangeAction, description: 'What it does.', resolve: (c) => c.action }),
    kind: t.exposeString('kind', {
      description: 'What changes: person, pillar, area, team, seat, membership, aor…',
    }),
    key: t.exposeString('key', {
      description: 'Which one: an email, a slug, `storage TECH_LEAD`…',
    }),
    fields: t.exposeStringList('fields', { description: 'The fields it sets or changes.' }),
    summary: t.exposeString('summary', {
      description: 'The change in one line: `move eli@corp.test storage → compute`.',
    }),
  }),
});

/** Whether the request selects a payload field (a fragment may: then assumed so). */
function selects(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some((s) => s.kind !== 'Field' || s.name.value === field),
  );
}

const ImportCounts = builder.objectRef<CountsData>('ImportCounts').implement({
  description: 'Rows per kind of record touched by an import.',
  fields: (t) => ({
    people: t.exposeInt('people', { description: 'People.' }),
    units: t.exposeInt('units', { description: 'Units.' }),
    seatAssignments: t.exposeInt('seatAssignments', { description: 'Seat assignments.' }),
    memberships: t.exposeInt('memberships', { description: 'Team memberships.' }),
    aors: t.exposeInt('aors', { description: 'Areas of responsibility.' }),
    aorOwnerships: t.exposeInt('aorOwnerships', { description: 'AoR ownerships.' }),
    candidates: t.exposeInt('candidates', { description: 'Succession candidacies.' }),
    openRoles: t.exposeInt('openRoles', { description: 'Open roles.' }),
    policies: t.exposeInt('policies', {
      description: 'Policies (a new one from its day; the one it follows, ended).',
    }),
  }),
});

const ImportOrgPayload = payloadType<ImportResult>(
  'ImportOrgPayload',
  'What an import did. On any userError nothing was written and all counts are zero.',
  (t) => ({
    created: t.field({
      type: ImportCounts,
      description: 'Rows inserted.',
      resolve: (r) => r.created,
    }),
    updated: t.field({
      type: ImportCounts,
      description: 'Existing rows changed, history rows ended included.',
      resolve: (r) => r.updated,
    }),
    unchanged: t.field({
      type: ImportCounts,
      description: 'Things the document states that were already so.',
      resolve: (r) => r.unchanged,
    }),
    plan: t.field({
      type: [PlannedChange],
      description:
        'Every change, in the order it is written: with `dryRun`, what the import would do.',
      resolve: (r) => r.plan,
    }),
  }),
);

builder.mutationFields((t) => ({
  importOrg: t.field({
    type: ImportOrgPayload,
    description:
      'Loads an org document (the format of `exportOrg`): adds and updates what it mentions, ' +
      'never ends what it does not. Idempotent. A bad document is rejected whole, every ' +
      'problem listed by path, nothing written. With `dryRun`, the same checks and the plan ' +
      '(`plan`: every change it would make) and counts, writing nothing. ADMIN.',
    authScopes: { admin: true },
    args: {
      document: t.arg({ type: 'JSONObject', required: true, description: 'The org document.' }),
      dryRun: t.arg.boolean({
        defaultValue: false,
        description: 'Validate and answer the plan and counts, writing nothing.',
      }),
    },
    resolve: (_root, { document, dryRun }, context, info) =>
      importOrgDocument(context.db, document, {
        today: context.today,
        store: context.store,
        actor: auditActor(context.viewer),
        dryRun: dryRun ?? false,
        plan: selects(info, 'plan'),
      }),
  }),
}));

builder.queryFields((t) => ({
  exportOrg: t.field({
    type: 'JSONObject',
    description:
      'The current org as an org document, ready for `importOrg` or the CLI. PLANNER; never ' +
      "for a scoped token (it holds the whole org's succession data).",
    authScopes: { confidential: { role: 'PLANNER', reveals: 'ORG' } },
    ...heavy(COST.exportOrg),
    resolve: (_root, _args, { db, today }) => exportOrgDocument(db, { today }),
  }),
}));
