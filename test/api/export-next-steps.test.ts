import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

/**
 * What the org holds for a seat's next step — the role after the one under way, a candidate
 * who is also the seat's next holder — is exported so that an empty database takes the
 * document whole and answers today as its source does, and the source takes it again
 * changing nothing. (Both were refused by an empty database: a found audit.)
 */
const t = useTestOrg(specDocument());
const elsewhere: TestApp[] = [];
afterEach(async () => {
  for (const app of elsewhere.splice(0)) await app.close();
});

const COUNTS = 'people units seatAssignments memberships aors aorOwnerships candidates openRoles';
const IMPORT = `mutation ($d: JSONObject!) { importOrg(document: $d) {
  userErrors { path message } created { ${COUNTS} } updated { ${COUNTS} } } }`;
const zero = Object.fromEntries(COUNTS.split(' ').map((k) => [k, 0]));

/** Today's answers the document carries: roles under way, hiring, the bench, the findings. */
const TODAY = `{ openRoles(status: OPEN) { nodes { unit { slug } seat openedOn } }
  unit(slug: "infra") { coverage { hiring } }
  successionBench(scope: "infra") { seat holder { email }
    candidates { readyNow { email } readySoon { email } } }
  singlePointsOfFailure(scope: "infra") { nodes { kind severity seat } } }`;

async function write(mutation: string) {
  const answer = await t.data(`mutation { ${mutation} }`);
  expect(Object.values(answer)[0], mutation).toEqual({ userErrors: [] });
  return Object.values(answer)[0];
}

/** The source's export: refused by no empty database, and already so in the source. */
async function exportsWhole() {
  const { exportOrg } = await t.data('{ exportOrg }');
  const other = await startTestApp();
  elsewhere.push(other);
  const imported = await other.data(IMPORT, { d: exportOrg });
  expect(imported.importOrg.userErrors).toEqual([]);
  expect(await other.data(TODAY)).toEqual(await t.data(TODAY));
  const again = await t.data(IMPORT, { d: exportOrg });
  expect(again.importOrg).toEqual({ userErrors: [], created: zero, updated: zero });
  return { exportOrg, other };
}

describe('a leadership seat whose role is filled later, and another role opening after', () => {
  it('states the role under way only; the later one is a plan the format cannot say', async () => {
    const roles = await t.data('{ openRoles(scope: "infra") { nodes { id } } }');
    const id = roles.openRoles.nodes[0].id;
    await write(
      `fillRole(input: { id: "${id}", on: "2026-12-10", person: "bo@example.com" }) { userErrors { message } }`,
    );
    await write(
      'openRole(input: { unit: "infra", seat: TECH_LEAD, openedOn: "2027-01-05" }) { userErrors { message } }',
    );
    const { exportOrg } = await exportsWhole();
    expect(exportOrg.openRoles).toEqual([
      { unit: 'infra', seat: 'TECH_LEAD', status: 'OPEN', openedOn: '2026-09-01' },
    ]);
  });

  it('of ENGINEER roles, which may be many at once, states each', async () => {
    const open = (day: string) =>
      `openRole(input: { unit: "storage", seat: ENGINEER, openedOn: "${day}" }) { userErrors { message } }`;
    await write(open('2026-11-01'));
    await write(open('2027-01-05'));
    const { exportOrg } = await exportsWhole();
    const engineers = exportOrg.openRoles.filter((r: { seat: string }) => r.seat === 'ENGINEER');
    expect(engineers.map((r: { openedOn: string }) => r.openedOn)).toEqual([
      '2026-11-01',
      '2027-01-05',
    ]);
  });
});

describe('a candidate for an empty seat who is recorded to take it on a later day', () => {
  it('is a candidate until then elsewhere too, and no longer once they hold it', async () => {
    await write(
      'addCandidate(input: { unit: "infra", seat: ENG_LEAD, person: "ana@example.com", readiness: READY_NOW }) { userErrors { message } }',
    );
    await write(
      'assignSeat(input: { unit: "infra", seat: ENG_LEAD, person: "ana@example.com", startedOn: "2027-01-10" }) { userErrors { message } }',
    );
    const { exportOrg, other } = await exportsWhole();
    expect(exportOrg.succession).toContainEqual({
      unit: 'infra',
      seat: 'ENG_LEAD',
      candidate: 'ana@example.com',
      readiness: 'READY_NOW',
    });
    const LATER = `{ person(email: "ana@example.com", asOf: "2027-01-10") {
      candidacies { unit { slug } seat } seats { unit { slug } seat } } }`;
    expect(await other.data(LATER)).toEqual(await t.data(LATER));
    const later = await other.data(LATER);
    expect(later.person.seats).toContainEqual({ unit: { slug: 'infra' }, seat: 'ENG_LEAD' });
    expect(later.person.candidacies).not.toContainEqual({
      unit: { slug: 'infra' },
      seat: 'ENG_LEAD',
    });
  });

  it('still refuses one who holds the seat today', async () => {
    const document = {
      succession: [
        { unit: 'storage', seat: 'ENG_LEAD', candidate: 'ana@example.com', readiness: 'READY_NOW' },
      ],
    };
    const { importOrg } = await t.data(IMPORT, { d: document });
    expect(importOrg.userErrors).toEqual([
      {
        path: 'succession[0].candidate',
        message:
          '"ana@example.com" holds the ENG_LEAD seat of "storage" and cannot be its successor',
      },
    ]);
  });
});
