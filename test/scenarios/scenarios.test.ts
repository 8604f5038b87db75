import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/org/days.js';
import { demoDocument } from '../../src/demo/load.js';
import { tokenFor } from '../access/credentials.js';
import { TODAY } from '../helpers/app.js';
import { adminQuery } from '../helpers/database.js';
import { useTestOrg } from '../helpers/test-org.js';

const CREATE = `mutation ($input: CreateScenarioInput!) {
  createScenario(input: $input) {
    scenario { id name description applied changes {
      depart { person on } assignSeat { unit seat person acting } vacateSeat { unit seat }
      setTeam { person team } moveUnit { unit parent } addCandidate { unit seat person readiness }
      hire { unit seat name }
    } }
    userErrors { path message code }
  }
}`;
const UPDATE = `mutation ($input: UpdateScenarioInput!) {
  updateScenario(input: $input) { scenario { name changes { depart { person } } } userErrors { path message code } }
}`;
const APPLY = `mutation ($input: ApplyScenarioInput!) {
  applyScenario(input: $input) { scenario { applied appliedAt } userErrors { path message code } }
}`;
const FINDING = 'kind severity unit { slug } seat people { email } message';
const EVALUATE = `query ($id: ID!, $asOf: Date) { node(id: $id) { ... on Scenario {
  evaluation(asOf: $asOf) {
    asOf conflicts { index message }
    coverageChanges { unit { slug } from to }
    newFindings { ${FINDING} } resolvedFindings { ${FINDING} }
    before { benchStrength byLayer { layer staffed vacant } }
    after { benchStrength byLayer { layer staffed vacant } }
    units { unit { slug } before { status engLead { holder { name } } } after { status engLead { holder { name email } } } }
  }
} } }`;

let planner: string;
let viewer: string;
const t = useTestOrg(demoDocument(), {
  setup: async (t) => {
    planner = await tokenFor(t, 'PLANNER');
    viewer = await tokenFor(t, 'VIEWER');
  },
});

async function create(input: Record<string, unknown>) {
  const { createScenario } = await t.data(CREATE, { input }, { token: planner });
  expect(createScenario.userErrors).toEqual([]);
  return createScenario.scenario;
}

async function evaluate(id: string, asOf?: string) {
  const { node } = await t.data(EVALUATE, { id, asOf }, { token: planner });
  return node.evaluation;
}

describe('a scenario', () => {
  it('is saved and read back in the shape it was given, by a PLANNER', async () => {
    const scenario = await create({
      name: 'Q1 reorg',
      description: 'Ana to Payments, Eli up',
      changes: [
        { assignSeat: { unit: 'payments', seat: 'ENG_LEAD', person: 'ANA@example.com' } },
        { setTeam: { person: 'eli@example.com' } },
        { hire: { unit: 'storage', seat: 'ENG_LEAD' } },
      ],
    });
    expect(scenario).toMatchObject({ name: 'Q1 reorg', applied: false });
    expect(scenario.changes).toEqual([
      {
        depart: null,
        assignSeat: { unit: 'payments', seat: 'ENG_LEAD', person: 'ana@example.com', acting: null },
        vacateSeat: null,
        setTeam: null,
        moveUnit: null,
        addCandidate: null,
        hire: null,
      },
      expect.objectContaining({ setTeam: { person: 'eli@example.com', team: null } }),
      expect.objectContaining({ hire: { unit: 'storage', seat: 'ENG_LEAD', name: null } }),
    ]);
    const { scenarios } = await t.data(
      '{ scenarios { totalCount nodes { name } } }',
      {},
      { token: planner },
    );
    expect(scenarios.nodes[0].name).toBe('Q1 reorg');
  });

  it('is confidential: a VIEWER can neither read nor write one', async () => {
    const list = await t.gql('{ scenarios { totalCount } }', {}, { token: viewer });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await t.gql(CREATE, { input: { name: 'x', changes: [] } }, { token: viewer });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a change with no kind or two, and more than 100 changes, naming the field', async () => {
    const two = {
      depart: { person: 'bo@example.com' },
      vacateSeat: { unit: 'storage', seat: 'ENG_LEAD' },
    };
    const { createScenario } = await t.data(
      CREATE,
      { input: { name: 'bad', changes: [{}, two] } },
      { token: planner },
    );
    expect(createScenario.userErrors.map((e: any) => [e.path, e.code])).toEqual([
      ['input.changes[0]', 'VALIDATION'],
      ['input.changes[1]', 'VALIDATION'],
    ]);
    // A list over its bound is refused before anything runs, naming the argument and the bound.
    const many = Array(101).fill({ depart: { person: 'bo@example.com' } });
    const big = await t.gql(CREATE, { input: { name: 'big', changes: many } }, { token: planner });
    expect(big.errors).toMatchObject([
      {
        message: expect.stringContaining('at most 100 changes'),
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });
});

describe('evaluating a scenario', () => {
  it('says what breaks and what is fixed, with the touched units before and after', async () => {
    const { id } = await create({
      name: 'Ana moves, a hire takes Storage',
      changes: [
        { assignSeat: { unit: 'payments', seat: 'ENG_LEAD', person: 'ana@example.com' } },
        { vacateSeat: { unit: 'storage', seat: 'ENG_LEAD' } },
        { hire: { unit: 'storage', seat: 'ENG_LEAD' } },
      ],
    });
    const evaluation = await evaluate(id);
    expect(evaluation.asOf).toBe(TODAY);
    expect(evaluation.conflicts).toEqual([]);
    const storage = evaluation.units.find((u: any) => u.unit.slug === 'storage');
    expect(storage.after.engLead.holder).toEqual({
      name: 'New hire (Storage Eng Lead)',
      email: 'new-hire-3@scenario.invalid',
    });
    const payments = evaluation.units.find((u: any) => u.unit.slug === 'payments');
    expect(payments.before.engLead.holder).toBeNull();
    expect(evaluation.resolvedFindings).toContainEqual(
      expect.objectContaining({
        kind: 'VACANT_SEAT',
        unit: { slug: 'payments' },
        seat: 'ENG_LEAD',
      }),
    );
    // Nothing was written.
    const { unit } = await t.data('{ unit(slug: "payments") { engLead { email } } }');
    expect(unit.engLead).toBeNull();
  });

  it('reports changes that no longer apply, with their index, and skips them', async () => {
    const { id } = await create({
      name: 'stale',
      changes: [
        { depart: { person: 'nobody@example.com' } },
        { assignSeat: { unit: 'storage', seat: 'ENG_LEAD', person: 'ana@example.com' } },
        { moveUnit: { unit: 'storage', parent: 'payments' } },
        { depart: { person: 'ana@example.com' } },
        { assignSeat: { unit: 'network', seat: 'ENG_LEAD', person: 'ana@example.com' } },
      ],
    });
    const evaluation = await evaluate(id);
    expect(evaluation.conflicts).toEqual([
      { index: 0, message: 'unknown person "nobody@example.com"' },
      { index: 1, message: 'ana@example.com already holds the Eng Lead seat of "storage"' },
      { index: 4, message: `person "ana@example.com" departed on ${TODAY}` },
    ]);
    // The move applied: Storage is now under Payments in the evaluation only.
    expect(evaluation.units.map((u: any) => u.unit.slug)).toContain('storage');
  });

  it('of one departure answers exactly what departureImpact answers', async () => {
    for (const person of [
      'ana@example.com',
      'bo@example.com',
      'dee@example.com',
      'ned@example.com',
    ]) {
      const { id } = await create({ name: `without ${person}`, changes: [{ depart: { person } }] });
      const evaluation = await evaluate(id);
      const { departureImpact } = await t.data(
        `query ($email: String!) { departureImpact(email: $email) {
          coverageChanges { unit { slug } from to }
          newFindings { ${FINDING} } resolvedFindings { ${FINDING} }
        } }`,
        { email: person },
        { token: planner },
      );
      expect(evaluation.coverageChanges, person).toEqual(departureImpact.coverageChanges);
      expect(evaluation.newFindings, person).toEqual(departureImpact.newFindings);
      expect(evaluation.resolvedFindings, person).toEqual(departureImpact.resolvedFindings);
    }
  });

  it('is against the org as it stands on the day asked', async () => {
    const { id } = await create({
      name: 'Bo leaves in March',
      changes: [{ depart: { person: 'bo@example.com', on: '2027-03-01' } }],
    });
    expect((await evaluate(id)).coverageChanges).toEqual([]);
    const april = await evaluate(id, '2027-04-01');
    expect(april.coverageChanges).toContainEqual(
      expect.objectContaining({ unit: { slug: 'platform' }, to: expect.any(String) }),
    );
    // Without its own day, the evaluation answers for the day of the answer it is in.
    const { node } = await t.data(
      `query ($id: ID!) { node(id: $id, asOf: "2027-04-01") { ... on Scenario {
        evaluation { asOf coverageChanges { unit { slug } to } }
      } } }`,
      { id },
      { token: planner },
    );
    expect(node.evaluation).toEqual({
      asOf: '2027-04-01',
      coverageChanges: april.coverageChanges.map(
        ({ unit, to }: { unit: unknown; to: unknown }) => ({ unit, to }),
      ),
    });
  });

  it('of one scenario in a list of one costs one evaluation, not a page of ten', async () => {
    await create({ name: 'Listed', changes: [{ depart: { person: 'bo@example.com' } }] });
    const { scenarios } = await t.data(
      '{ scenarios(first: 1) { nodes { evaluation { asOf } } } }',
      {},
      { token: planner },
    );
    expect(scenarios.nodes).toEqual([{ evaluation: { asOf: TODAY } }]);
  });

  it('asked by id through nodes(ids:) costs what it does through node(id:)', async () => {
    // One id through `nodes` was priced as ten evaluations, over the limit, and refused.
    const { id } = await create({
      name: 'By id',
      changes: [{ depart: { person: 'bo@example.com' } }],
    });
    const query = (field: string) =>
      t.data(
        `query ($id: ID!) { ${field} { ... on Scenario { evaluation { asOf } } } }`,
        { id },
        {
          token: planner,
        },
      );
    const { node } = await query('node(id: $id)');
    expect(node).toEqual({ evaluation: { asOf: TODAY } });
    expect(await query('nodes(ids: [$id])')).toEqual({ nodes: [node] });
  });
});

describe('a scenario evaluated on an earlier day', () => {
  it('meets the history recorded since, as the mutations dated that day would', async () => {
    // Vacating on a day before a holder recorded since: the mutation refused it, and the
    // evaluation withdrew that holder as a plan, without a conflict.
    const since = addDays(TODAY, -30);
    const assign = `mutation { assignSeat(input: { unit: "payments", seat: ENG_LEAD,
      person: "oz@example.com", startedOn: "${since}" }) { userErrors { message } } }`;
    expect((await t.data(assign)).assignSeat.userErrors).toEqual([]);
    const { id } = await create({
      name: 'payments without its Eng Lead',
      changes: [{ vacateSeat: { unit: 'payments', seat: 'ENG_LEAD' } }],
    });
    const earlier = addDays(TODAY, -60);
    expect((await evaluate(id, earlier)).conflicts).toEqual([
      {
        index: 0,
        message: `the seat has no holder on ${earlier}; oz@example.com holds it from ${since}, a day recorded and kept: vacate it from then or later`,
      },
    ]);
    const vacate = `mutation { vacateSeat(input: { unit: "payments", seat: ENG_LEAD, on: "${earlier}" })
      { userErrors { path code } } }`;
    expect((await t.data(vacate)).vacateSeat.userErrors).toEqual([
      { path: 'input.on', code: 'VALIDATION' },
    ]);
    expect((await evaluate(id)).conflicts).toEqual([]);
  });
});

describe('applying a scenario', () => {
  const version = async () => {
    const result = await t.database.db.execute(sql`select version from org_state`);
    return Number((result as unknown as { rows: Array<{ version: number }> }).rows[0]?.version);
  };

  it('writes nothing when any change conflicts, naming each at changes[i]', async () => {
    const { id } = await create({
      name: 'half stale',
      changes: [
        { assignSeat: { unit: 'payments', seat: 'ENG_LEAD', person: 'kim@example.com' } },
        { depart: { person: 'nobody@example.com' } },
      ],
    });
    const [changesBefore, versionBefore] = [await t.changeCount(), await version()];
    const { applyScenario } = await t.data(APPLY, { input: { id } });
    expect(applyScenario).toEqual({
      scenario: null,
      userErrors: [
        { path: 'changes[1]', message: 'unknown person "nobody@example.com"', code: 'CONFLICT' },
      ],
    });
    expect(await t.changeCount()).toBe(changesBefore);
    expect(await version()).toBe(versionBefore);
  });

  it('performs every change in one transaction, audited under its name, once', async () => {
    const { id } = await create({
      name: 'Promote Kim',
      changes: [
        { assignSeat: { unit: 'payments', seat: 'ENG_LEAD', person: 'kim@example.com' } },
        { hire: { unit: 'payments', seat: 'TECH_LEAD' } },
        {
          addCandidate: {
            unit: 'payments',
            seat: 'ENG_LEAD',
            person: 'lou@example.com',
            readiness: 'READY_SOON',
          },
        },
      ],
    });
    const versionBefore = await version();
    const { applyScenario } = await t.data(APPLY, { input: { id } });
    expect(applyScenario.userErrors).toEqual([]);
    expect(applyScenario.scenario.applied).toBe(true);
    expect(await version()).toBe(versionBefore + 1);
    const { unit, changes } = await t.data(`{
      unit(slug: "payments") { engLead { email } openRoles { seat status } }
      changes(unit: "payments", first: 10) { nodes { operation } }
    }`);
    expect(unit.engLead.email).toBe('kim@example.com');
    expect(unit.openRoles).toContainEqual({ seat: 'TECH_LEAD', status: 'OPEN' });
    expect(new Set(changes.nodes.map((c: any) => c.operation))).toEqual(
      new Set(['applyScenario: Promote Kim']),
    );
    // Applied: read-only, and never applied twice.
    expect((await t.data(APPLY, { input: { id } })).applyScenario.userErrors).toMatchObject([
      { path: 'input.id', code: 'CONFLICT' },
    ]);
    const update = await t.data(UPDATE, { input: { id, name: 'x' } }, { token: planner });
    expect(update.updateScenario.userErrors).toMatchObject([
      { path: 'input.id', code: 'CONFLICT' },
    ]);
  });

  it('of no change yet evaluates to none, and is not applied until it has one', async () => {
    const { id } = await create({ name: 'to fill in', changes: [] });
    const evaluation = await evaluate(id);
    expect(evaluation).toMatchObject({ conflicts: [], coverageChanges: [], units: [] });
    expect(evaluation.newFindings).toEqual([]);
    expect(evaluation.after).toEqual(evaluation.before);
    const [changesBefore, versionBefore] = [await t.changeCount(), await version()];
    expect(await t.data(APPLY, { input: { id } })).toEqual({
      applyScenario: {
        scenario: null,
        userErrors: [
          { path: 'input.id', message: 'the scenario has no changes to apply', code: 'VALIDATION' },
        ],
      },
    });
    expect(await t.changeCount()).toBe(changesBefore);
    expect(await version()).toBe(versionBefore);
  });

  it('is for ADMIN only', async () => {
    const { id } = await create({ name: 'p', changes: [{ depart: { person: 'oz@example.com' } }] });
    const result = await t.gql(APPLY, { input: { id } }, { token: planner });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe.runIf(process.env.DATABASE_URL)(
  'applying one scenario twice at once on PostgreSQL',
  () => {
    it('applies it once; the others are told it was applied', async () => {
      const { id } = await create({
        name: 'race',
        changes: [{ depart: { person: 'wes@example.com' } }],
      });
      const results = await Promise.all(
        Array.from({ length: 4 }, () => t.gql(APPLY, { input: { id } })),
      );
      const errors = results.map((r) => r.data?.applyScenario.userErrors[0] ?? 'OK');
      expect(errors.filter((e) => e === 'OK')).toHaveLength(1);
      expect(errors.filter((e) => e !== 'OK')).toEqual(
        Array(3).fill(expect.objectContaining({ path: 'input.id', code: 'CONFLICT' })),
      );
      const { changes } = await t.data(
        '{ changes(person: "wes@example.com") { nodes { operation after } } }',
      );
      // The departure was recorded once, by the apply that won.
      const departures = changes.nodes.filter((c: any) => c.after.email && c.after.departedOn);
      expect(departures).toEqual([
        { operation: 'applyScenario: race', after: expect.objectContaining({ departedOn: TODAY }) },
      ]);
    });

    it('applies nothing of a scenario changed while its apply waited for the org', async () => {
      // The apply wrote the changes it had read, and marked applied the scenario as changed.
      const { id } = await create({
        name: 'changed meanwhile',
        changes: [{ depart: { person: 'wes@example.com' } }],
      });
      const url = t.database.url as string;
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      let applying: ReturnType<typeof t.gql> | undefined;
      try {
        // Another write holds the org write lock, as a long import would.
        await blocker.query('begin');
        await blocker.query('update org_state set version = version');
        applying = t.gql(APPLY, { input: { id } });
        const waiting = `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`;
        await expect.poll(async () => (await adminQuery(url, waiting))[0]?.n).toBe(1);
        const changes = [{ depart: { person: 'oz@example.com' } }];
        const updated = await t.data(UPDATE, { input: { id, changes } }, { token: planner });
        expect(updated.updateScenario.userErrors).toEqual([]);
      } finally {
        await blocker.query('rollback');
        await blocker.end();
      }
      const { data }: { data?: any } = await (applying as ReturnType<typeof t.gql>);
      expect(data?.applyScenario.userErrors).toEqual([
        {
          path: 'input.id',
          code: 'CONFLICT',
          message: expect.stringContaining('changed while it was being applied'),
        },
      ]);
      const { node } = await t.data(
        `query ($id: ID!) { node(id: $id) { ... on Scenario { applied changes { depart { person } } } } }`,
        { id },
      );
      expect(node).toEqual({ applied: false, changes: [{ depart: { person: 'oz@example.com' } }] });
      const gone = await t.data(
        `{ wes: person(email: "wes@example.com") { departedOn } oz: person(email: "oz@example.com") { departedOn } }`,
      );
      expect(gone).toEqual({ wes: { departedOn: null }, oz: { departedOn: null } });
    });
  },
);
