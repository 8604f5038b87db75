import { describe, expect, it } from 'vitest';
import { recordDeparture } from '../../src/people/departure-writes.js';
import { setManager } from '../../src/people/writes.js';
import { assignSeat, vacateSeat } from '../../src/seats/writes.js';
import { moveUnit } from '../../src/units/writes.js';
import { changeRecords } from '../../src/writes/change-record.js';
import { DESCRIBED_TABLES, Draft } from '../../src/writes/draft.js';
import { UserInputError } from '../../src/writes/errors.js';
import { buildHistory, TODAY } from './state-builder.js';

/** The write rules are plain functions over a draft of the org: tested without a database. */

const ORG = buildHistory({
  units: [
    { slug: 'core', layer: 'PILLAR', el: 'ana' },
    { slug: 'infra', layer: 'AREA', parent: 'core' },
    { slug: 'db', layer: 'TEAM', parent: 'infra', el: 'bo', tl: 'cy' },
  ],
  candidates: [{ unit: 'db', seat: 'TECH_LEAD', person: 'dee', readiness: 'READY_NOW' }],
  people: [{ key: 'eli', manager: 'bo' }],
});

const draft = () => new Draft(ORG.history, TODAY);
const problems = (write: () => unknown) => {
  try {
    write();
    return [];
  } catch (error) {
    if (error instanceof UserInputError) return error.userErrors;
    throw error;
  }
};

describe('a draft', () => {
  it('never changes the snapshot it starts from', () => {
    const before = JSON.stringify(ORG.history);
    const w = draft();
    assignSeat(w, { unit: 'db', seat: 'TECH_LEAD', person: 'dee@example.com' });
    recordDeparture(w, { email: 'bo@example.com', on: '2026-07-01' });
    expect(JSON.stringify(ORG.history)).toBe(before);
    expect(w.history().seatAssignments.length).toBe(ORG.history.seatAssignments.length + 1);
  });

  it('describes what changed by slug and email, for the audit log and a plan', () => {
    const w = draft();
    assignSeat(w, { unit: 'db', seat: 'TECH_LEAD', person: 'dee@example.com' });
    const records = changeRecords(w, DESCRIBED_TABLES).map(({ action, kind, key }) => ({
      action,
      kind,
      key,
    }));
    expect(records).toEqual([
      { action: 'CREATE', kind: 'seat', key: 'db TECH_LEAD' },
      { action: 'END', kind: 'seat', key: 'db TECH_LEAD' },
      { action: 'END', kind: 'candidate', key: 'db TECH_LEAD dee@example.com' },
    ]);
  });
});

describe('assignSeat', () => {
  it('ends the holder the day before, and the new holder’s candidacy for the seat', () => {
    const w = draft();
    const { assignment, ended } = assignSeat(w, {
      unit: 'db',
      seat: 'TECH_LEAD',
      person: 'dee@example.com',
      startedOn: '2026-07-01',
    });
    expect(assignment).toMatchObject({ personId: ORG.p('dee'), startedOn: '2026-07-01' });
    expect(ended).toMatchObject({ personId: ORG.p('cy'), endedOn: '2026-06-30' });
    expect(w.candidates.where('person', ORG.p('dee'))).toEqual([
      expect.objectContaining({ endedOn: '2026-06-30' }),
    ]);
  });

  it('ends the assignment before a recorded departure', () => {
    const w = draft();
    recordDeparture(w, { email: 'dee@example.com', on: '2026-09-01' });
    const { assignment } = assignSeat(w, {
      unit: 'core',
      seat: 'TECH_LEAD',
      person: 'dee@example.com',
    });
    expect(assignment?.endedOn).toBe('2026-08-31');
  });

  it('refuses a start before a holder planned later, naming both dates', () => {
    const w = draft();
    assignSeat(w, {
      unit: 'infra',
      seat: 'ENG_LEAD',
      person: 'eli@example.com',
      startedOn: '2026-09-01',
    });
    expect(
      problems(() =>
        assignSeat(w, {
          unit: 'infra',
          seat: 'ENG_LEAD',
          person: 'dee@example.com',
          startedOn: '2026-08-01',
        }),
      ),
    ).toEqual([
      {
        path: 'startedOn',
        message: expect.stringMatching(/2026-09-01.*2026-08-01/),
        code: 'VALIDATION',
      },
    ]);
  });

  it('after a planned vacancy, an earlier new holder cuts the old holder short', () => {
    const w = draft();
    vacateSeat(w, { unit: 'db', seat: 'ENG_LEAD', on: '2026-09-01' });
    assignSeat(w, {
      unit: 'db',
      seat: 'ENG_LEAD',
      person: 'eli@example.com',
      startedOn: '2026-07-01',
    });
    const rows = w.seatAssignments.where('seat', `${ORG.u('db')}:ENG_LEAD`);
    expect(rows.map((r) => [r.personId, r.startedOn, r.endedOn])).toEqual([
      [ORG.p('bo'), '2025-01-01', '2026-06-30'],
      [ORG.p('eli'), '2026-07-01', null],
    ]);
  });

  it('refuses a departed person and an unknown unit', () => {
    const w = draft();
    recordDeparture(w, { email: 'eli@example.com', on: TODAY });
    expect(
      problems(() => assignSeat(w, { unit: 'db', seat: 'ENG_LEAD', person: 'eli@example.com' })),
    ).toEqual([
      {
        path: 'person',
        message: `person "eli@example.com" departed on ${TODAY}`,
        code: 'CONFLICT',
      },
    ]);
    expect(
      problems(() => assignSeat(w, { unit: 'nope', seat: 'ENG_LEAD', person: 'bo@example.com' })),
    ).toEqual([{ path: 'unit', message: 'unknown unit "nope"', code: 'NOT_FOUND' }]);
  });
});

describe('setManager', () => {
  it('refuses a loop, naming it whole', () => {
    expect(
      problems(() => setManager(draft(), { email: 'bo@example.com', manager: 'eli@example.com' })),
    ).toEqual([
      {
        path: 'manager',
        message: 'management cycle: "bo@example.com" → "eli@example.com" → "bo@example.com"',
        code: 'CYCLE',
      },
    ]);
  });
});

describe('moveUnit', () => {
  it('applies the one hierarchy rule', () => {
    expect(problems(() => moveUnit(draft(), { slug: 'db', parent: 'core' }))).toEqual([
      {
        path: 'parent',
        message: 'parent "core" is a PILLAR; a TEAM\'s parent must be an AREA',
        code: 'INVALID_HIERARCHY',
      },
    ]);
  });
});
