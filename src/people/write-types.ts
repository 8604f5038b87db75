import { AreaOfResponsibility, OwnershipRoleEnum } from '../aors/types.js';
import type { MembershipRow } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { endedAsRecorded, type OnDay, readFor, unitOf } from '../graphql/on-day.js';
import { OrgUnit } from '../units/types.js';
import type { EndedOwnership } from './departure-writes.js';
import { Person } from './types.js';

/** One stint of a person on a team: history, never deleted. */
export const TeamMembership = builder.objectRef<OnDay<MembershipRow>>('TeamMembership').implement({
  description: 'A person on a team from `startedOn` to `endedOn` (inclusive).',
  fields: (t) => ({
    team: t.field({ type: OrgUnit, description: 'The team.', resolve: unitOf }),
    person: t.field({
      type: Person,
      description: 'The member.',
      resolve: (m, _args, context) => readFor(context, m, (org) => org.thePerson(m.personId)),
    }),
    startedOn: t.expose('startedOn', { type: 'Date', description: 'First day on the team.' }),
    endedOn: t.expose('endedOn', {
      type: 'Date',
      nullable: true,
      description: endedAsRecorded('on the team'),
    }),
  }),
});

/** An AoR ownership a write ended, with its AoR and role. */
export const EndedAorOwnership = builder.objectRef<EndedOwnership>('EndedAorOwnership').implement({
  description: 'An AoR ownership (primary or backup) that was ended; kept as history.',
  fields: (t) => ({
    aor: t.field({ type: AreaOfResponsibility, description: 'The AoR.', resolve: (o) => o.aor }),
    role: t.field({
      type: OwnershipRoleEnum,
      description: 'PRIMARY (the AoR holder) or BACKUP.',
      resolve: (o) => o.ownership.role,
    }),
    startedOn: t.field({
      type: 'Date',
      description: 'Owner since.',
      resolve: (o) => o.ownership.startedOn,
    }),
    endedOn: t.field({
      type: 'Date',
      description: 'Last day owned (inclusive); the day before its start if it never began.',
      resolve: (o) => o.ownership.endedOn ?? o.ownership.startedOn,
    }),
  }),
});
