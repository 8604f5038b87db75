import { builder } from '../graphql/builder.js';
import { payloadType } from '../graphql/user-errors.js';
import { OrgUnit } from '../units/types.js';
import type { UserErrorData } from '../writes/errors.js';
import { parseInput, runMutation } from '../writes/run.js';
import {
  departureSchema,
  noDeparture,
  RecordDeparturePayload,
  recordDeparture,
} from './departure.js';
import { Person } from './types.js';
import {
  createPerson,
  createPersonSchema,
  noPerson,
  type PersonChange,
  setManager,
  setManagerSchema,
  updatePerson,
  updatePersonSchema,
} from './write-person.js';
import { noTeamChange, setTeam, setTeamSchema, type TeamChange } from './write-team.js';
import { TeamMembership } from './write-types.js';

const CreatePersonInput = builder.inputType('CreatePersonInput', {
  description: 'Someone joining the org.',
  fields: (t) => ({
    email: t.string({
      required: true,
      description: 'Unique, case-insensitive; stored lower-cased.',
    }),
    name: t.string({ required: true, description: 'Full name, 1–200 characters.' }),
    title: t.string({ description: 'Job title.' }),
    level: t.string({ description: 'Career level, e.g. L6, M2.' }),
    manager: t.string({ description: "Their manager's email (a present person)." }),
    startedOn: t.field({ type: 'Date', description: 'First day at the company.' }),
  }),
});

const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  description:
    'Corrections to a person; fields left out stay, `null` clears an optional one. The ' +
    'manager changes with `setManager`, the team with `setTeam`.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'Who (any case); the email itself stays.' }),
    name: t.string({ description: 'New full name.' }),
    title: t.string({ description: 'New job title; `null` clears it.' }),
    level: t.string({ description: 'New career level; `null` clears it.' }),
    startedOn: t.field({
      type: 'Date',
      description: 'First day at the company; `null` clears it.',
    }),
  }),
});

const SetManagerInput = builder.inputType('SetManagerInput', {
  description: 'Who a person reports to.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The person (any case).' }),
    manager: t.string({
      description: "The manager's email; must be given: `null` means no manager.",
    }),
  }),
});

const SetTeamInput = builder.inputType('SetTeamInput', {
  description: 'Which team a person is a member of, from when.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The person (any case).' }),
    team: t.string({
      description: 'The slug of a TEAM; must be given: `null` leaves the current team.',
    }),
    on: t.field({ type: 'Date', description: 'First day of the change (default: today).' }),
  }),
});

const RecordDepartureInput = builder.inputType('RecordDepartureInput', {
  description: 'Someone leaving the org.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The person (any case).' }),
    on: t.field({ type: 'Date', description: 'Their first day gone (default: today).' }),
  }),
});

const personPayload = (name: string, description: string, field: string) =>
  payloadType<PersonChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    person: t.expose('person', { type: Person, nullable: true, description: field }),
  }));

const SetTeamPayload = payloadType<TeamChange & { userErrors: UserErrorData[] }>(
  'SetTeamPayload',
  'The person, their new membership and the one it ended.',
  (t) => ({
    person: t.expose('person', { type: Person, nullable: true, description: 'The person.' }),
    team: t.field({
      type: OrgUnit,
      nullable: true,
      description: 'Their team from `on` (null when they left it).',
      resolve: (change) => change.membership?.unitId ?? null,
    }),
    membership: t.expose('membership', {
      type: TeamMembership,
      nullable: true,
      description: 'The new membership (null when they left their team).',
    }),
    ended: t.expose('ended', {
      type: TeamMembership,
      nullable: true,
      description: 'The membership that was ended (kept as history).',
    }),
  }),
);

builder.mutationFields((t) => ({
  createPerson: t.field({
    type: personPayload('CreatePersonPayload', 'The new person.', 'The new person.'),
    description: 'Adds a person; an email already taken (in any case) is a CONFLICT. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'createPerson', noPerson, (w) =>
        createPerson(w, parseInput(createPersonSchema, input)),
      ),
  }),
  updatePerson: t.field({
    type: personPayload('UpdatePersonPayload', 'The updated person.', 'The person, updated.'),
    description: 'Changes the name, title, level or start date of a person. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdatePersonInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'updatePerson', noPerson, (w) =>
        updatePerson(w, parseInput(updatePersonSchema, input)),
      ),
  }),
  setManager: t.field({
    type: personPayload('SetManagerPayload', 'The person with their new manager.', 'The person.'),
    description:
      'Sets who a person reports to (`null`: nobody). A change that would close a loop of ' +
      'managers is refused with CYCLE at `input.manager`. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: SetManagerInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'setManager', noPerson, (w) =>
        setManager(w, parseInput(setManagerSchema, input)),
      ),
  }),
  setTeam: t.field({
    type: SetTeamPayload,
    description:
      'Moves a person to a TEAM from `on` (or off their team with `team: null`): the current ' +
      'membership ends the day before. A person is on at most one team at a time. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: SetTeamInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'setTeam', noTeamChange, (w) =>
        setTeam(w, parseInput(setTeamSchema, input)),
      ),
  }),
  recordDeparture: t.field({
    type: RecordDeparturePayload,
    description:
      'Marks a person departed from `on` and, in the same transaction, ends their seats, AoR ' +
      'ownerships, succession candidacies and team membership (the day before `on`); returns ' +
      'what it ended. Nothing is deleted. Their reports keep them as manager until moved. ADMIN.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RecordDepartureInput, required: true }) },
    resolve: (_root, { input }, context) =>
      runMutation(context, 'recordDeparture', noDeparture, (w) =>
        recordDeparture(w, parseInput(departureSchema, input)),
      ),
  }),
}));
