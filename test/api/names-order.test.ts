import { expect, it } from 'vitest';
import { platformWithStorage, useTestOrg } from '../helpers/test-org.js';

// People are listed to a reader by name as a reader orders names: by character code, "Zoe"
// came before "adam" and "Émile" after everyone.
const NAMES = ['Zoe Abe', 'adam Bell', 'Émile Chu', 'Eli Dorn'];
const email = (name: string) =>
  `${name.split(' ')[0]?.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}@example.com`;
const t = useTestOrg({
  people: [
    { email: 'bo@example.com', name: 'Bo Lind' },
    ...NAMES.map((name) => ({ email: email(name), name, manager: 'bo@example.com' })),
  ],
  // Bo holds both seats: the Eng Lead's comes first among those his leaving vacates.
  units: platformWithStorage({
    engLead: 'bo@example.com',
    techLead: 'bo@example.com',
    members: NAMES.map(email),
  }),
  aors: [
    {
      slug: 'pg',
      name: 'Postgres',
      unit: 'storage',
      owner: 'bo@example.com',
      backups: NAMES.map(email),
    },
  ],
  succession: NAMES.map((name) => ({
    unit: 'storage',
    seat: 'ENG_LEAD',
    candidate: email(name),
    readiness: 'READY_NOW',
  })),
});

it('lists members, reports, backups and candidates by name as a reader orders them', async () => {
  const { unit, person, departureImpact } = await t.data(`{
    unit(slug: "storage") { members { name } aors { backupOwners { name } } }
    person(email: "bo@example.com") { directReports { name } }
    departureImpact(email: "bo@example.com") { orphanedReports { name }
      vacatedSeats { readyCandidates { name } } }
  }`);
  const expected = ['adam Bell', 'Eli Dorn', 'Émile Chu', 'Zoe Abe'];
  const names = (list: { name: string }[]) => list.map((p) => p.name);
  expect(names(unit.members)).toEqual(expected);
  // Backups were listed by id: as the document happened to name them first.
  expect(names(unit.aors[0].backupOwners)).toEqual(expected);
  expect(names(person.directReports)).toEqual(expected);
  expect(names(departureImpact.orphanedReports)).toEqual(expected);
  expect(names(departureImpact.vacatedSeats[0].readyCandidates)).toEqual(expected);
});
