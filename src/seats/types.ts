import { type SeatAssignmentRow, seatEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { rowId } from '../graphql/node-id.js';
import { Person } from '../people/types.js';
import { OrgUnit } from '../units/types.js';
import { assignmentsByIds } from './data.js';

export const SeatEnum = builder.enumType('Seat', {
  description:
    'The two leadership seats of every unit. On a Team the Eng Lead is the Engineering ' +
    'Manager and the Tech Lead an IC on the team.',
  values: seatEnum.enumValues,
});

export const SeatAssignment = builder.loadableNode('SeatAssignment', {
  description: 'Who held a seat, from when until when. Ended assignments stay as history.',
  id: rowId,
  load: (ids: number[], { db }) => assignmentsByIds(db, ids),
  sort: (row: SeatAssignmentRow) => row.id,
  fields: (t) => ({
    seat: t.expose('seat', { type: SeatEnum, description: 'Which seat.' }),
    unit: t.field({ type: OrgUnit, description: 'The unit.', resolve: (row) => row.unitId }),
    person: t.field({ type: Person, description: 'The holder.', resolve: (row) => row.personId }),
    startedOn: t.expose('startedOn', { type: 'Date', description: 'First day held.' }),
    endedOn: t.expose('endedOn', {
      type: 'Date',
      nullable: true,
      description: 'Last day held (inclusive); null while current.',
    }),
    acting: t.exposeBoolean('acting', { description: 'An interim holder.' }),
  }),
});
