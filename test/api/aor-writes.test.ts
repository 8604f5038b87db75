import { describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/app.js';
import { coreWithDbAndWeb, useTestOrg } from '../helpers/test-org.js';
import { expectRefused, expectRefusedAll, expectWritten } from '../helpers/writes.js';

const AOR =
  'aor { slug name description criticality unit { slug } retiredOn primaryOwner { email } backupOwners { email } }';
const CREATE = `mutation ($input: CreateAorInput!) {
  createAor(input: $input) { ${AOR} userErrors { path message code } }
}`;
const UPDATE = `mutation ($input: UpdateAorInput!) {
  updateAor(input: $input) { ${AOR} userErrors { path message code } }
}`;
const MOVE = `mutation ($input: MoveAorInput!) {
  moveAor(input: $input) { ${AOR} userErrors { path message code } }
}`;
const SET_OWNER = `mutation ($input: SetAorOwnerInput!) {
  setAorOwner(input: $input) { ${AOR} previousOwner { email } userErrors { path message code } }
}`;
const ADD_BACKUP = `mutation ($input: AddAorBackupInput!) {
  addAorBackup(input: $input) { ${AOR} userErrors { path message code } }
}`;
const REMOVE_BACKUP = `mutation ($input: RemoveAorBackupInput!) {
  removeAorBackup(input: $input) { ${AOR} userErrors { path message code } }
}`;
const RETIRE = `mutation ($input: RetireAorInput!) {
  retireAor(input: $input) { ${AOR} endedOwners { email } userErrors { path message code } }
}`;
const AOR_FINDINGS = `query ($asOf: Date) {
  singlePointsOfFailure(kinds: [UNOWNED_AOR, SOLE_AOR_OWNER], asOf: $asOf, first: 100) {
    nodes { kind severity aor { slug } people { email } }
  }
}`;

const email = (i: number) => `p${i}@example.com`;
const ORG = {
  people: Array.from({ length: 12 }, (_, i) => ({ email: email(i), name: `P ${i}` })),
  units: coreWithDbAndWeb(),
  aors: [
    {
      slug: 'blob-store',
      name: 'Blob store',
      unit: 'db',
      criticality: 'HIGH',
      owner: email(1),
      backups: [email(2)],
    },
    { slug: 'backups', name: 'Backups', unit: 'db', owner: email(3) },
    { slug: 'cache', name: 'Cache', unit: 'db' },
    { slug: 'ledger', name: 'Ledger', unit: 'infra' },
  ],
};

const t = useTestOrg(ORG);

async function aorFindings(asOf?: string) {
  const { singlePointsOfFailure } = await t.data(AOR_FINDINGS, { asOf });
  return singlePointsOfFailure.nodes.map(
    (f: { kind: string; severity: string; aor: { slug: string }; people: { email: string }[] }) =>
      `${f.aor.slug} ${f.kind} ${f.severity} ${f.people.map((p) => p.email).join(',')}`.trim(),
  );
}

const listedSlugs = async (asOf: string) =>
  (
    await t.data('query ($asOf: Date) { aors(asOf: $asOf) { nodes { slug } } }', { asOf })
  ).aors.nodes.map((a: { slug: string }) => a.slug);

const unitAors = async (slug: string) =>
  (await t.data(`{ unit(slug: "${slug}") { aors { slug } } }`)).unit.aors.map(
    (a: { slug: string }) => a.slug,
  );

describe('createAor', () => {
  it('creates an AoR with its owners from today, criticality MEDIUM by default', async () => {
    const { aor } = await expectWritten(t, CREATE, {
      slug: 'search-index',
      name: 'Search index',
      description: 'The search index and its pipelines.',
      unit: 'web',
      owner: 'P4@Example.com',
      backups: [email(5), email(6)],
    });
    expect(aor).toEqual({
      slug: 'search-index',
      name: 'Search index',
      description: 'The search index and its pipelines.',
      criticality: 'MEDIUM',
      unit: { slug: 'web' },
      retiredOn: null,
      primaryOwner: { email: email(4) },
      backupOwners: [{ email: email(5) }, { email: email(6) }],
    });
    expect(await unitAors('web')).toEqual(['search-index']);
    const { person } = await t.data(`{ person(email: "${email(4)}") {
      aors { aor { slug } role startedOn }
    } }`);
    expect(person.aors).toEqual([
      { aor: { slug: 'search-index' }, role: 'PRIMARY', startedOn: TODAY },
    ]);
  });

  it('refuses a backup listed twice, in any case, as an import and addAorBackup do', async () => {
    // It was taken once, silently, where an import refused the same AoR.
    const input = { slug: 'twice', name: 'Twice', unit: 'web' };
    const backups = [email(5), email(5).toUpperCase()];
    const { createAor } = await t.data(CREATE, { input: { ...input, backups } });
    expect(createAor.userErrors).toEqual([
      {
        path: 'input.backups[1]',
        message: `"${email(5)}" is already listed as a backup of "twice" (backups[0])`,
        code: 'CONFLICT',
      },
    ]);
    expect(await unitAors('web')).not.toContain('twice');
  });

  it('creates an unowned AoR, which is an UNOWNED_AOR finding at once', async () => {
    expect(await aorFindings()).not.toContain('metrics UNOWNED_AOR CRITICAL');
    const { aor } = await expectWritten(t, CREATE, {
      slug: 'metrics',
      name: 'Metrics',
      unit: 'infra',
      criticality: 'HIGH',
    });
    expect(aor).toMatchObject({ criticality: 'HIGH', primaryOwner: null, backupOwners: [] });
    expect(await aorFindings()).toContain('metrics UNOWNED_AOR CRITICAL');
  });

  it('exists from the day it is created: earlier days neither list it nor find it unowned', async () => {
    const before = await aorFindings('2026-06-01');
    await expectWritten(t, CREATE, {
      slug: 'queue',
      name: 'Queue',
      unit: 'db',
      criticality: 'HIGH',
    });
    expect((await listedSlugs('2026-06-01')).includes('queue')).toBe(false);
    expect((await listedSlugs(TODAY)).includes('queue')).toBe(true);
    expect(await aorFindings('2026-06-01')).toEqual(before);
    expect(await aorFindings()).toContain('queue UNOWNED_AOR CRITICAL');
    // The imported ones were there before anything recorded.
    expect(await listedSlugs('1999-01-01')).toEqual(['backups', 'blob-store', 'cache', 'ledger']);
    await expectRefused(
      t,
      SET_OWNER,
      { aor: 'queue', person: email(4), on: '2026-11-01' },
      'input.on',
      'VALIDATION',
    );
    // Asked by id, as by list: nothing before its creation.
    const { aors } = await t.data('{ aors { nodes { id slug } } }');
    const id = aors.nodes.find((a: { slug: string }) => a.slug === 'queue').id;
    const byId = async (asOf: string) =>
      (
        await t.data('query ($id: ID!, $asOf: Date) { node(id: $id, asOf: $asOf) { id } }', {
          id,
          asOf,
        })
      ).node;
    expect(await byId('2026-11-22')).toBeNull();
    expect(await byId(TODAY)).toEqual({ id });
  });

  it('names the field of every bad input and writes nothing', async () => {
    const base = { slug: 'new-aor', name: 'New', unit: 'db' };
    await expectRefusedAll(t, CREATE, [
      [{ ...base, slug: 'Not A Slug' }, 'input.slug', 'VALIDATION'],
      [{ ...base, slug: 'a'.repeat(65) }, 'input.slug', 'VALIDATION'],
      [{ ...base, slug: 'blob-store' }, 'input.slug', 'CONFLICT'],
      [{ ...base, name: '  ' }, 'input.name', 'VALIDATION'],
      [{ ...base, description: 'x'.repeat(2001) }, 'input.description', 'VALIDATION'],
      [{ ...base, unit: 'nope' }, 'input.unit', 'NOT_FOUND'],
      [{ ...base, owner: 'who@example.com' }, 'input.owner', 'NOT_FOUND'],
      [{ ...base, owner: email(1), backups: [email(2), 'x@y.z'] }, 'input.backups[1]', 'NOT_FOUND'],
      [{ ...base, owner: email(1), backups: [email(1)] }, 'input.backups[0]', 'VALIDATION'],
    ]);
    expect(await unitAors('db')).toEqual(['backups', 'blob-store', 'cache']);
  });
});

describe('updateAor', () => {
  it('changes only the fields given; null clears the description', async () => {
    await expectWritten(t, UPDATE, { slug: 'cache', description: 'Redis' });
    const { aor } = await expectWritten(t, UPDATE, {
      slug: 'cache',
      name: 'Caches',
      criticality: 'LOW',
    });
    expect(aor).toMatchObject({ name: 'Caches', description: 'Redis', criticality: 'LOW' });
    const cleared = await expectWritten(t, UPDATE, { slug: 'cache', description: null });
    expect(cleared.aor).toMatchObject({ name: 'Caches', description: null, criticality: 'LOW' });
  });

  it('records nothing when nothing changes', async () => {
    const before = await t.changeCount();
    await expectWritten(t, UPDATE, { slug: 'cache', name: 'Cache' });
    expect(await t.changeCount()).toBe(before);
  });

  it('refuses bad input', async () => {
    await expectRefusedAll(t, UPDATE, [
      [{ slug: 'nope', name: 'X' }, 'input.slug', 'NOT_FOUND'],
      [{ slug: 'cache', name: null }, 'input.name', 'VALIDATION'],
      [{ slug: 'cache', name: '' }, 'input.name', 'VALIDATION'],
    ]);
  });
});

describe('moveAor', () => {
  it('hands the AoR to another unit; its findings move with it', async () => {
    const { aor } = await expectWritten(t, MOVE, { slug: 'cache', unit: 'web' });
    expect(aor.unit).toEqual({ slug: 'web' });
    expect(await unitAors('web')).toEqual(['cache']);
    expect(await unitAors('db')).toEqual(['backups', 'blob-store']);
    const { singlePointsOfFailure } = await t.data(`{
      singlePointsOfFailure(scope: "web", kinds: [UNOWNED_AOR]) { nodes { aor { slug } } }
    }`);
    expect(singlePointsOfFailure.nodes).toEqual([{ aor: { slug: 'cache' } }]);
    const { changes } = await t.data('{ changes(unit: "db", first: 1) { nodes { operation } } }');
    expect(changes.nodes).toEqual([{ operation: 'moveAor' }]);
  });

  it('refuses an unknown AoR or unit', async () => {
    await expectRefusedAll(t, MOVE, [
      [{ slug: 'nope', unit: 'web' }, 'input.slug', 'NOT_FOUND'],
      [{ slug: 'cache', unit: 'nope' }, 'input.unit', 'NOT_FOUND'],
    ]);
  });
});

describe('setAorOwner', () => {
  it('replaces the primary owner, ending the old ownership the day before', async () => {
    const { aor, previousOwner } = await expectWritten(t, SET_OWNER, {
      aor: 'blob-store',
      person: email(7),
      on: TODAY,
    });
    expect(previousOwner).toEqual({ email: email(1) });
    expect(aor.primaryOwner).toEqual({ email: email(7) });
    expect(aor.backupOwners).toEqual([{ email: email(2) }]);
    const { person } = await t.data(`{ person(email: "${email(1)}") { aors { aor { slug } } } }`);
    expect(person.aors).toEqual([]);
    // History: the old ownership ended yesterday, it was not overwritten.
    const { changes } = await t.data(`{ changes(person: "${email(1)}", first: 1) {
      nodes { operation before after }
    } }`);
    expect(changes.nodes[0]).toMatchObject({
      operation: 'setAorOwner',
      before: { role: 'PRIMARY', endedOn: null },
      after: { role: 'PRIMARY', endedOn: '2026-11-22' },
    });
  });

  it('turns a backup into the primary owner, ending their backup role', async () => {
    const { aor } = await expectWritten(t, SET_OWNER, { aor: 'blob-store', person: email(2) });
    expect(aor.primaryOwner).toEqual({ email: email(2) });
    expect(aor.backupOwners).toEqual([]);
    const { person } = await t.data(`{ person(email: "${email(2)}") {
      aors { aor { slug } role }
    } }`);
    expect(person.aors).toEqual([{ aor: { slug: 'blob-store' }, role: 'PRIMARY' }]);
  });

  it('is reflected by the findings at once (the snapshot cache is invalidated)', async () => {
    // p2, its only backup, becomes the owner: a sole owner.
    await expectWritten(t, SET_OWNER, { aor: 'blob-store', person: email(2) });
    expect(await aorFindings()).toContain(`blob-store SOLE_AOR_OWNER HIGH ${email(2)}`);
    await expectWritten(t, SET_OWNER, { aor: 'blob-store', person: null });
    const after = await aorFindings();
    expect(after).toContain('blob-store UNOWNED_AOR CRITICAL');
    expect(after.some((f: string) => f.startsWith('blob-store SOLE_AOR_OWNER'))).toBe(false);
    const { aor } = await expectWritten(t, SET_OWNER, { aor: 'blob-store', person: email(8) });
    expect(aor.primaryOwner).toEqual({ email: email(8) });
    expect(await aorFindings()).toContain(`blob-store SOLE_AOR_OWNER HIGH ${email(8)}`);
  });

  it('keeps the history: answers as of a past day still see the old owner', async () => {
    await expectWritten(t, SET_OWNER, { aor: 'ledger', person: email(1), on: '2026-01-01' });
    expect(await aorFindings('2026-06-01')).toContain(`ledger SOLE_AOR_OWNER MEDIUM ${email(1)}`);
    await expectWritten(t, SET_OWNER, { aor: 'ledger', person: email(3) });
    expect(await aorFindings('2026-11-22')).toContain(`ledger SOLE_AOR_OWNER MEDIUM ${email(1)}`);
    expect(await aorFindings()).toContain(`ledger SOLE_AOR_OWNER MEDIUM ${email(3)}`);
    expect(await aorFindings('2025-12-31')).toContain('ledger UNOWNED_AOR HIGH');
  });

  it('ends an owner whose run ended by today from an earlier day, or refuses to erase it', async () => {
    // cache: owned by p5 from 07-06, unowned from 09-04. "No owner from 04-02" answered done
    // and changed nothing: p5 still owned it in July and August.
    await expectWritten(t, SET_OWNER, { aor: 'cache', person: email(5), on: '2026-07-06' });
    await expectWritten(t, SET_OWNER, { aor: 'cache', person: null, on: '2026-09-04' });
    const before = await t.changeCount();
    await expectRefused(
      t,
      SET_OWNER,
      { aor: 'cache', person: null, on: '2026-04-02' },
      'input.on',
      'VALIDATION',
    );
    expect(await t.changeCount()).toBe(before);
    const { previousOwner } = await expectWritten(t, SET_OWNER, {
      aor: 'cache',
      person: null,
      on: '2026-08-01',
    });
    expect(previousOwner).toEqual({ email: email(5) });
    expect(await aorFindings('2026-07-31')).toContain(`cache SOLE_AOR_OWNER MEDIUM ${email(5)}`);
    expect(await aorFindings('2026-08-01')).toContain('cache UNOWNED_AOR HIGH');
    // Unowned from a day with no owner from then on: already so, nothing written.
    await expectWritten(t, SET_OWNER, { aor: 'cache', person: null, on: '2026-10-01' });
    expect(await t.changeCount()).toBe(before + 1);
  });

  it('changes nothing when the person already is the primary owner', async () => {
    const before = await t.changeCount();
    const { previousOwner } = await expectWritten(t, SET_OWNER, {
      aor: 'blob-store',
      person: email(1),
    });
    expect(previousOwner).toBeNull();
    expect(await t.changeCount()).toBe(before);
  });

  it('takes effect on a future day without changing today', async () => {
    const { aor } = await expectWritten(t, SET_OWNER, {
      aor: 'backups',
      person: email(9),
      on: '2026-12-01',
    });
    expect(aor.primaryOwner).toEqual({ email: email(3) });
    const later = await aorFindings('2026-12-01');
    expect(later).toContain(`backups SOLE_AOR_OWNER MEDIUM ${email(9)}`);
  });

  it('refuses bad input', async () => {
    await expectWritten(t, SET_OWNER, { aor: 'backups', person: email(9), on: '2026-12-01' });
    await expectRefusedAll(t, SET_OWNER, [
      [{ aor: 'nope', person: email(1) }, 'input.aor', 'NOT_FOUND'],
      [{ aor: 'blob-store', person: 'x@y.z' }, 'input.person', 'NOT_FOUND'],
      // before the change already planned for 2026-12-01
      [{ aor: 'backups', person: email(10), on: '2026-11-30' }, 'input.on', 'VALIDATION'],
    ]);
  });
});

describe('addAorBackup / removeAorBackup', () => {
  it('adds a backup, so the AoR is no longer a sole-owner finding', async () => {
    expect(await aorFindings()).toContain(`backups SOLE_AOR_OWNER MEDIUM ${email(3)}`);
    const { aor } = await expectWritten(t, ADD_BACKUP, { aor: 'backups', person: email(9) });
    expect(aor.backupOwners).toEqual([{ email: email(9) }]);
    expect((await aorFindings()).some((f: string) => f.startsWith('backups'))).toBe(false);
  });

  it('refuses the primary owner, a current backup, unknown people and AoRs', async () => {
    await expectRefusedAll(t, ADD_BACKUP, [
      [{ aor: 'blob-store', person: email(1) }, 'input.person', 'CONFLICT'],
      [{ aor: 'blob-store', person: email(2) }, 'input.person', 'CONFLICT'],
      [{ aor: 'blob-store', person: 'x@y.z' }, 'input.person', 'NOT_FOUND'],
      [{ aor: 'nope', person: email(9) }, 'input.aor', 'NOT_FOUND'],
    ]);
  });

  it('removes a backup from a day, keeping the history', async () => {
    await expectWritten(t, ADD_BACKUP, { aor: 'backups', person: email(9) });
    const { aor } = await expectWritten(t, REMOVE_BACKUP, {
      aor: 'backups',
      person: email(9),
      on: TODAY,
    });
    expect(aor.backupOwners).toEqual([]);
    expect(await aorFindings()).toContain(`backups SOLE_AOR_OWNER MEDIUM ${email(3)}`);
    const { changes } = await t.data(`{ changes(person: "${email(9)}", first: 1) {
      nodes { operation after }
    } }`);
    expect(changes.nodes[0]).toMatchObject({
      operation: 'removeAorBackup',
      after: { role: 'BACKUP', startedOn: TODAY, endedOn: '2026-11-22' },
    });
  });

  it('refuses to remove someone who is not a backup', async () => {
    await expectRefusedAll(t, REMOVE_BACKUP, [
      [{ aor: 'blob-store', person: email(9) }, 'input.person', 'NOT_FOUND'],
      [{ aor: 'blob-store', person: email(8) }, 'input.person', 'NOT_FOUND'],
    ]);
  });
});

describe('retireAor', () => {
  it('retires the AoR and ends its ownerships; it stays readable, read-only', async () => {
    await expectWritten(t, ADD_BACKUP, { aor: 'blob-store', person: email(10) });
    const { aor, endedOwners } = await expectWritten(t, RETIRE, { slug: 'blob-store', on: TODAY });
    expect(aor).toMatchObject({ retiredOn: TODAY, primaryOwner: null, backupOwners: [] });
    expect(endedOwners.map((p: { email: string }) => p.email).sort()).toEqual(
      [email(1), email(2), email(10)].sort(),
    );
    expect(await unitAors('db')).toEqual(['backups', 'cache']);
    expect((await aorFindings()).some((f: string) => f.startsWith('blob-store'))).toBe(false);
    const { person } = await t.data(`{ person(email: "${email(1)}") { aors { aor { slug } } } }`);
    expect(person.aors).toEqual([]);
  });

  it('refuses to change a retired AoR', async () => {
    await expectWritten(t, RETIRE, { slug: 'blob-store' });
    await expectRefused(t, RETIRE, { slug: 'blob-store' }, 'input.slug', 'CONFLICT');
    await expectRefused(
      t,
      SET_OWNER,
      { aor: 'blob-store', person: email(1) },
      'input.aor',
      'CONFLICT',
    );
    await expectRefused(
      t,
      ADD_BACKUP,
      { aor: 'blob-store', person: email(1) },
      'input.aor',
      'CONFLICT',
    );
    await expectRefused(t, UPDATE, { slug: 'blob-store', name: 'X' }, 'input.slug', 'CONFLICT');
    await expectRefused(t, RETIRE, { slug: 'nope' }, 'input.slug', 'NOT_FOUND');
    // Its slug stays taken.
    await expectRefused(
      t,
      CREATE,
      { slug: 'blob-store', name: 'B', unit: 'db' },
      'input.slug',
      'CONFLICT',
    );
  });
});

describe('departed people', () => {
  it('cannot own or back up an AoR', async () => {
    await expectWritten(
      t,
      'mutation ($input: RecordDepartureInput!) { recordDeparture(input: $input) { userErrors { path code } } }',
      { email: email(11), on: '2026-10-01' },
    );
    await expectRefused(
      t,
      SET_OWNER,
      { aor: 'ledger', person: email(11) },
      'input.person',
      'CONFLICT',
    );
    await expectRefused(
      t,
      ADD_BACKUP,
      { aor: 'ledger', person: email(11) },
      'input.person',
      'CONFLICT',
    );
    await expectRefused(
      t,
      CREATE,
      { slug: 'gone', name: 'Gone', unit: 'db', owner: email(11) },
      'input.owner',
      'CONFLICT',
    );
  });
});

describe('access', () => {
  it('is for ADMIN tokens only', async () => {
    const { createApiToken } = await t.data(
      'mutation { createApiToken(input: { name: "planner", role: PLANNER }) { token } }',
    );
    const result = await t.gql(
      CREATE,
      { input: { slug: 'x', name: 'X', unit: 'db' } },
      { token: createApiToken.token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await unitAors('db')).toEqual(['backups', 'blob-store', 'cache']);
  });
});

describe.runIf(process.env.DATABASE_URL)('concurrent owner changes on PostgreSQL', () => {
  it('are applied one at a time: each is acknowledged, the last one holds, the rest is history', async () => {
    await expectWritten(t, CREATE, { slug: 'race', name: 'Race', unit: 'db' });
    const racers = [0, 1, 2, 3, 4, 5, 6, 7].map(email);
    const results = await Promise.all(
      racers.map((person) => t.gql(SET_OWNER, { input: { aor: 'race', person } })),
    );
    for (const r of results) {
      expect(r.errors).toBeUndefined();
      expect(r.data?.setAorOwner.userErrors).toEqual([]);
    }
    // Each write replaced the one before it: every racer owned it, on the same day.
    const replaced = results.map((r) => r.data?.setAorOwner.previousOwner?.email ?? null);
    expect(replaced.filter((p) => p === null)).toHaveLength(1);
    const { unit, changes } = await t.data(`{
      unit(slug: "db") { aors { slug primaryOwner { email } backupOwners { email } } }
      changes(unit: "db", first: 50) { nodes { operation before after } }
    }`);
    const aor = unit.aors.find((a: { slug: string }) => a.slug === 'race');
    expect(new Set(replaced.filter(Boolean))).toEqual(
      new Set(racers.filter((r) => r !== aor.primaryOwner.email)),
    );
    expect(aor.backupOwners).toEqual([]);
    // The audit log holds every one of them.
    const started = changes.nodes.filter(
      (c: any) => c.operation === 'setAorOwner' && c.before === null && c.after.aor === 'race',
    );
    expect(started).toHaveLength(racers.length);
  });
});
