import type { SeatCoverage as SeatData } from '../core/coverage/seat.js';
import type { ApiRole } from '../db/tables.js';
import { confidential } from '../graphql/access.js';
import { builder } from '../graphql/builder.js';
import { type OnDay, readFor, unitOf } from '../graphql/on-day.js';
import { Person } from '../people/types.js';
import { SeatEnum } from '../seats/types.js';
import { OrgUnit } from '../units/types.js';

const ReadyCandidates = builder.objectRef<OnDay<SeatData>>('ReadyCandidates').implement({
  description: 'Successor candidates of one seat, grouped by readiness (confidential).',
  fields: (t) => ({
    readyNow: t.field({
      type: [Person],
      description: 'Could step in now.',
      resolve: (s, _args, context) => readFor(context, s, (org) => org.people(s.readyNow)),
    }),
    readySoon: t.field({
      type: [Person],
      description: 'In about 1–2 years.',
      resolve: (s, _args, context) => readFor(context, s, (org) => org.people(s.readySoon)),
    }),
    readyLater: t.field({
      type: [Person],
      description: 'In 3+ years.',
      resolve: (s, _args, context) => readFor(context, s, (org) => org.people(s.readyLater)),
    }),
  }),
});

/** A seat's bench is readable within the caller's scope only (SPEC §4 "Scoped access"). */
const benchOfSeat = (role: ApiRole) => confidential(role, (seat: SeatData) => [seat.unitId]);

/** The fields every view of one seat shares: coverage, the bench. */
export const BenchSeat = builder.objectRef<OnDay<SeatData>>('BenchSeat').implement({
  description: 'One seat of one unit on a day: holder, tenure, vacancy, hiring and bench.',
  fields: (t) => ({
    unit: t.field({
      type: OrgUnit,
      description: 'The unit.',
      resolve: unitOf,
    }),
    seat: t.expose('seat', { type: SeatEnum, description: 'Which seat.' }),
    holder: t.field({
      type: Person,
      nullable: true,
      description: 'Who holds it.',
      resolve: (s, _args, context) => readFor(context, s, (org) => org.person(s.holderId)),
    }),
    acting: t.exposeBoolean('acting', { description: 'The holder is interim.' }),
    heldSince: t.expose('heldSince', {
      type: 'Date',
      nullable: true,
      description:
        "The holder's first day in the seat (an acting holder later confirmed: their first acting day).",
    }),
    tenureDays: t.exposeInt('tenureDays', { nullable: true, description: 'Days in seat so far.' }),
    vacantSince: t.expose('vacantSince', {
      type: 'Date',
      nullable: true,
      description:
        'First day without a holder, when empty: the day after the last holder left; never held, ' +
        'the day the unit was created (null for a unit there before anything was recorded).',
    }),
    openRole: t.exposeBoolean('openRole', { description: 'An OPEN role exists for this seat.' }),
    readyNowCount: t.int({
      description: 'How many READY_NOW candidates (every role, org-wide: what a VIEWER reads).',
      authScopes: benchOfSeat('VIEWER'),
      resolve: (s) => s.readyNow.length,
    }),
    readySoonCount: t.int({
      description: 'How many READY_SOON candidates (every role, org-wide: what a VIEWER reads).',
      authScopes: benchOfSeat('VIEWER'),
      resolve: (s) => s.readySoon.length,
    }),
    // SPEC's coverage carries the ready-now and ready-soon counts; beyond them is readiness.
    readyLaterCount: t.int({
      description:
        'How many READY_LATER candidates (confidential: PLANNER, within its scope if scoped).',
      authScopes: benchOfSeat('PLANNER'),
      resolve: (s) => s.readyLater.length,
    }),
    candidates: t.field({
      type: ReadyCandidates,
      description: 'The candidates by name (confidential: PLANNER, within its scope if scoped).',
      authScopes: benchOfSeat('PLANNER'),
      resolve: (s) => s,
    }),
  }),
});
