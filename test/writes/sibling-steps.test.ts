import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgStateOn } from '../../src/core/org/as-of.js';
import { addDays } from '../../src/core/org/days.js';
import { reportsOf } from '../../src/core/org/lookup.js';
import type { OrgHistory, OrgState } from '../../src/core/org/state.js';
import { importOrgDocument } from '../../src/orgdoc/import.js';
import { createPerson, setManager } from '../../src/people/writes.js';
import { assignSeat } from '../../src/seats/writes.js';
import { readOrgHistory } from '../../src/store/history.js';
import { OrgSnapshots } from '../../src/store/snapshots.js';
import { runWrite } from '../../src/writes/run.js';
import { TODAY } from '../helpers/app.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { platformWithStorage } from '../helpers/test-org.js';

/**
 * Worker processes over one database (node:cluster) tell each other their writes: each one's
 * org in memory takes a sibling's write as a step, as it takes its own, instead of reading
 * the whole org again. Two stores here are two workers; what the primary relays between
 * them is a structured clone, as here. test/ops/workers.test.ts runs the real processes.
 */

/**
 * How long a store waits for a step it has not heard yet. The server's is 250 ms; here the
 * steps are awaited longer, as two stores share one event loop with the test on a machine
 * that CI may keep busy.
 */
const WAIT_MS = 2_000;
/** A wait that would outlast the test: a step of another instance's write never comes. */
const NEVER_MS = 60_000;
const EM = 'em@example.com';
const ORG = {
  people: [
    { email: EM, name: 'Em' },
    { email: 'tl@example.com', name: 'Tl' },
  ],
  // Em leads Storage and is its Tech Lead too, until a test gives Tl the seat.
  units: platformWithStorage({ engLead: EM, techLead: EM, members: [] }),
};

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  const imported = await importOrgDocument(database.db, ORG, { today: TODAY });
  expect(imported.userErrors).toEqual([]);
});
afterAll(() => database.drop());

/** A worker's store, and how many times it read the whole org. */
function worker() {
  const counted = { loads: 0 };
  const store = new OrgSnapshots(() => counted.loads++);
  return Object.assign(counted, { store });
}

/** Two workers telling each other their writes, each waiting `waitMs` for a step. */
function siblings(waitMs = WAIT_MS) {
  const [a, b] = [worker(), worker()];
  // Each store's steps hear what the other one tells.
  // Sibling workers sign their writes with the one name their primary gives them.
  const ofA = a.store.withSiblings((v, c, o) => ofB.heard(v, structuredClone(c), o), waitMs, 'two');
  const ofB = b.store.withSiblings((v, c, o) => ofA.heard(v, structuredClone(c), o), waitMs, 'two');
  return [a, b] as const;
}

const write = (store: OrgSnapshots, n: number) =>
  runWrite({ db: database.db, store, today: TODAY, actor: 'test' }, 'createPerson', (draft) =>
    createPerson(draft, { email: `p${n}@example.com`, name: `P${n}`, manager: EM }),
  );

/** Every table's rows by id: the order rows come back in is no part of the history. */
const byId = (history: OrgHistory) =>
  Object.fromEntries(
    Object.entries(history).map(([table, rows]) => [
      table,
      [...(rows as Array<{ id: number }>)].sort((x, y) => x.id - y.id),
    ]),
  );

/** A state with its read-through maps (a carried state's) copied into plain ones. */
const plain = (s: OrgState) => ({
  ...s,
  people: new Map(s.people),
  seats: new Map(s.seats),
  members: new Map(s.members),
});

async function expectCurrent(store: OrgSnapshots) {
  const held = await store.checked(database.db);
  expect(byId(held.history)).toEqual(byId(await readOrgHistory(database.db)));
}

describe("a sibling worker's writes", () => {
  it('are applied as steps: the other worker never reads the whole org again', async () => {
    const [a, b] = siblings();
    await a.store.checked(database.db);
    await b.store.checked(database.db);
    for (let n = 0; n < 4; n++) {
      await write(n % 2 ? b.store : a.store, n);
      await expectCurrent(a.store);
      await expectCurrent(b.store);
    }
    // A seat write changes the day's state worked out before it: carried over on the sibling.
    await b.store.forRequest(database.db).on(TODAY);
    await runWrite(
      { db: database.db, store: a.store, today: TODAY, actor: 't' },
      'assignSeat',
      (d) => assignSeat(d, { unit: 'storage', seat: 'TECH_LEAD', person: 'tl@example.com' }),
    );
    const carried = await b.store.forRequest(database.db).on(TODAY);
    const history = await readOrgHistory(database.db);
    expect(plain(carried)).toEqual(plain(orgStateOn(history, TODAY)));
    const tl = history.people.find((p) => p.email === 'tl@example.com');
    const techLeads = [...carried.seats.values()].map((s) => s.TECH_LEAD.holder?.personId);
    expect(techLeads).toContain(tl?.id);
    await expectCurrent(b.store);
    expect([a.loads, b.loads]).toEqual([1, 1]);
  });

  it("carry a manager's change over as a step: the days asked are not worked out anew", async () => {
    const [a, b] = siblings();
    await Promise.all([a.store.checked(database.db), b.store.checked(database.db)]);
    const later = addDays(TODAY, 30);
    const asked = b.store.forRequest(database.db);
    await Promise.all([asked.on(TODAY), asked.on(later)]);
    const tl = { email: 'tl@example.com', manager: EM };
    await runWrite(
      { db: database.db, store: a.store, today: TODAY, actor: 't' },
      'setManager',
      (d) => setManager(d, { ...tl, on: addDays(TODAY, 10) }),
    );
    const now = b.store.forRequest(database.db);
    const [today, then] = [await now.on(TODAY), await now.on(later)];
    expect(now.loaded()?.step).toBeDefined();
    const history = await readOrgHistory(database.db);
    expect(plain(today)).toEqual(plain(orgStateOn(history, TODAY)));
    expect(plain(then)).toEqual(plain(orgStateOn(history, later)));
    const em = history.people.find((p) => p.email === EM)?.id ?? -1;
    expect(reportsOf(then, em).map((p) => p.email)).toContain(tl.email);
    expect(reportsOf(today, em).map((p) => p.email)).not.toContain(tl.email);
    expect([a.loads, b.loads]).toEqual([1, 1]);
  });

  it('written at once through both workers, each waits for the step before its own', async () => {
    const [a, b] = siblings();
    await Promise.all([a.store.checked(database.db), b.store.checked(database.db)]);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => write(i % 2 ? b.store : a.store, 100 + i)),
    );
    await expectCurrent(a.store);
    await expectCurrent(b.store);
    expect([a.loads, b.loads]).toEqual([1, 1]);
  });

  it("do not hold up a worker's own writes made at once: none waits for a step of its own", async () => {
    const [a, b] = siblings();
    await Promise.all([a.store.checked(database.db), b.store.checked(database.db)]);
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, (_, i) => write(a.store, 400 + i)));
    // A write that found the one before it not yet applied waited for that one, not for WAIT_MS.
    expect(performance.now() - started).toBeLessThan(WAIT_MS);
    await expectCurrent(a.store);
    await expectCurrent(b.store);
    expect([a.loads, b.loads]).toEqual([1, 1]);
  });

  it('made elsewhere (the CLI, another server) are read at once: no step will come', async () => {
    // Another instance's write is signed with another name: waiting for a sibling's step of
    // it held every read, and every write under the org lock, for the whole wait.
    const [a, b] = siblings(NEVER_MS);
    await Promise.all([a.store.checked(database.db), b.store.checked(database.db)]);
    await write(worker().store, 200);
    await expectCurrent(b.store);
    expect(b.loads).toBe(2);
    // A sibling's write after another instance's: the sibling tells it, so the other one's
    // version is read at once, not waited for.
    await write(worker().store, 201);
    await write(a.store, 202);
    await expectCurrent(a.store);
    await expectCurrent(b.store);
    expect([a.loads, b.loads]).toEqual([2, 3]);
  }, 10_000);

  it('made elsewhere and then asked by many requests at once, are read once', async () => {
    const [a, b] = siblings(NEVER_MS);
    await Promise.all([a.store.checked(database.db), b.store.checked(database.db)]);
    await write(worker().store, 300);
    // The first request reads the org, and the others take what it read.
    await Promise.all(Array.from({ length: 6 }, () => b.store.checked(database.db)));
    await expectCurrent(b.store);
    expect(b.loads).toBe(2);
  }, 10_000);
});

describe('writes made at once through one store (one process, no siblings)', () => {
  it('each waits for the one before it to be applied: none reads the whole org again', async () => {
    const alone = worker();
    await alone.store.checked(database.db);
    await Promise.all(Array.from({ length: 6 }, (_, i) => write(alone.store, 500 + i)));
    await expectCurrent(alone.store);
    expect(alone.loads).toBe(1);
  });
});
