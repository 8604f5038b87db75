import { type SeatAssignmentRow, seatEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { endedAsRecorded, type OnDay, readFor, snapshotLoader } from '../graphql/on-day.js';
import { Person } from '../people/types.js';
import { assignmentRows } from '../store/history-rows.js';
import { OrgUnit } from '../units/types.js';

export const SeatEnum = builder.enumType('Seat', {
  description:
    'The two leadership seats of every unit. On a Team the Eng Lead is the Engineering ' +
    'Manager and the Tech Lead an IC on the team.',
  values: seatEnum.enumValues,
});

export const SeatAssignment = builder.loadableNode('SeatAssignment', {
  description: 'Who held a seat, from when until when. Ended assignments stay as history.',
  id: rowId,
  load: snapshotLoader(
    (org): ReadonlyMap<number, OnDay<SeatAssignmentRow>> => assignmentRows(org.history),
  ),
  sort: (row: OnDay<SeatAssignmentRow>) => row.id,
  // `node(id:, asOf:)` names nothing before it starts, as the seats of that day do not.
  extensions: { existsOn: (row: SeatAssignmentRow, day: string) => row.startedOn <= day },
  fields: (t) => ({
    seat: t.expose('seat', { type: SeatEnum, description: 'Which seat.' }),
    unit: t.field({
      type: OrgUnit,
      description: 'The unit.',
      resolve: (row, _args, context) => readFor(context, row, (org) => org.theUnit(row.unitId)),
    }),
    person: t.field({
      type: Person,
      description: 'The holder.',
      resolve: (row, _args, context) => readFor(context, row, (org) => org.thePerson(row.personId)),
    }),
    startedOn: t.expose('startedOn', { type: 'Date', description: 'First day held.' }),
    endedOn: t.expose('endedOn', {
      type: 'Date',
      nullable: true,
      description: endedAsRecorded('held'),
    }),
    acting: t.exposeBoolean('acting', { description: 'An interim holder.' }),
  }),
});
