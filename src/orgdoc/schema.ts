import { builder } from '../graphql/builder.js';
import { COST, heavy } from '../graphql/costs.js';
import { payloadType } from '../graphql/user-errors.js';
import type { Counts as CountsData } from '../writes/draft.js';
import { exportOrgDocument } from './export.js';
import { type ImportResult, importOrgDocument } from './import.js';

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
  }),
);

builder.mutationFields((t) => ({
  importOrg: t.field({
    type: ImportOrgPayload,
    description:
      'Loads an org document (the format of `exportOrg`): adds and updates what it mentions, ' +
      'never ends what it does not. Idempotent. A bad document is rejected whole, every ' +
      'problem listed by path, nothing written. ADMIN.',
    authScopes: { admin: true },
    args: {
      document: t.arg({ type: 'JSONObject', required: true, description: 'The org document.' }),
    },
    resolve: (_root, { document }, context) =>
      importOrgDocument(context.db, document, {
        today: context.today,
        store: context.store,
        actor: context.viewer.name ?? 'anonymous',
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
