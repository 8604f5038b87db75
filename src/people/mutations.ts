import { z } from 'zod';
import { builder } from '../graphql/builder.js';
import { orgMutation } from '../graphql/mutation.js';
import { payloadType } from '../graphql/user-errors.js';
import { SeatAssignment } from '../seats/types.js';
import { SuccessionCandidate } from '../succession/types.js';
import { OrgUnit } from '../units/types.js';
import type { UserErrorData } from '../writes/errors.js';
import {
  daySchema,
  emailSchema,
  LEVEL_MAX,
  NAME_MAX,
  nameSchema,
  optionalText,
  personRefSchema,
  requiredOrNull,
} from '../writes/fields.js';
import { type Departure, noDeparture, recordDeparture } from './departure-writes.js';
import { setTeam, type TeamChange } from './team-writes.js';
import { Person } from './types.js';
import { EndedAorOwnership, TeamMembership } from './write-types.js';
import { createPerson, type PersonChange, setManager, updatePerson } from './writes.js';

const noPerson: PersonChange = { person: null };
const personPayload = (name: string, description: string, field: string) =>
  payloadType<PersonChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    person: t.expose('person', { type: Person, nullable: true, description: field }),
  }));
const title = optionalText(NAME_MAX);
const level = optionalText(LEVEL_MAX);

orgMutation({
  name: 'createPerson',
  description: 'Adds a person; an email already taken (in any case) is a CONFLICT.',
  input: builder.inputType('CreatePersonInput', {
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
  }),
  payload: personPayload('CreatePersonPayload', 'The new person.', 'The new person.'),
  failed: noPerson,
  schema: z.object({
    email: emailSchema,
    name: nameSchema,
    title: title.nullish(),
    level: level.nullish(),
    manager: personRefSchema.nullish(),
    startedOn: daySchema.nullish(),
  }),
  write: createPerson,
});

orgMutation({
  name: 'updatePerson',
  description: 'Changes the name, title, level or start date of a person.',
  input: builder.inputType('UpdatePersonInput', {
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
  }),
  payload: personPayload('UpdatePersonPayload', 'The updated person.', 'The person, updated.'),
  failed: noPerson,
  schema: z.object({
    email: personRefSchema,
    name: nameSchema.optional(),
    title: title.nullish(),
    level: level.nullish(),
    startedOn: daySchema.nullish(),
  }),
  write: updatePerson,
});

orgMutation({
  name: 'setManager',
  description:
    'Sets who a person reports to from `on` (`null`: nobody); earlier days keep the manager ' +
    'they had. A change that would close a loop of managers on that day or any later one ' +
    'is refused with CYCLE at `input.manager`.',
  input: builder.inputType('SetManagerInput', {
    description: 'Who a person reports to.',
    fields: (t) => ({
      email: t.string({ required: true, description: 'The person (any case).' }),
      manager: t.string({
        description: "The manager's email; must be given: `null` means no manager.",
      }),
      on: t.field({ type: 'Date', description: 'First day of the new line (default: today).' }),
    }),
  }),
  payload: personPayload('SetManagerPayload', 'The person with their new manager.', 'The person.'),
  failed: noPerson,
  schema: z.object({
    email: personRefSchema,
    manager: requiredOrNull('is required: an email, or null for no manager'),
    on: daySchema.nullish(),
  }),
  write: setManager,
});

orgMutation({
  name: 'setTeam',
  description:
    'Moves a person to a TEAM from `on` (or off their team with `team: null`): the current ' +
    'membership ends the day before. A person is on at most one team at a time.',
  input: builder.inputType('SetTeamInput', {
    description: 'Which team a person is a member of, from when.',
    fields: (t) => ({
      email: t.string({ required: true, description: 'The person (any case).' }),
      team: t.string({
        description: 'The slug of a TEAM; must be given: `null` leaves the current team.',
      }),
      on: t.field({ type: 'Date', description: 'First day of the change (default: today).' }),
    }),
  }),
  payload: payloadType<TeamChange & { userErrors: UserErrorData[] }>(
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
  ),
  failed: { person: null, membership: null, ended: null },
  schema: z.object({
    email: personRefSchema,
    // Left out is refused rather than read as "no team": leaving a team must be asked for.
    team: requiredOrNull('is required: a team slug, or null to leave the current team'),
    on: daySchema.nullish(),
  }),
  write: setTeam,
});

orgMutation({
  name: 'recordDeparture',
  description:
    'Marks a person departed from `on` and, in the same transaction, ends their seats, AoR ' +
    'ownerships, succession candidacies and team membership (the day before `on`); returns ' +
    'what it ended. Nothing is deleted. Their reports keep them as manager until moved. A ' +
    'departure recorded for a later day is brought forward; one on `on` or earlier is a ' +
    'CONFLICT.',
  input: builder.inputType('RecordDepartureInput', {
    description: 'Someone leaving the org.',
    fields: (t) => ({
      email: t.string({ required: true, description: 'The person (any case).' }),
      on: t.field({ type: 'Date', description: 'Their first day gone (default: today).' }),
    }),
  }),
  payload: payloadType<Departure & { userErrors: UserErrorData[] }>(
    'RecordDeparturePayload',
    'The departed person and everything their departure ended (all kept as history).',
    (t) => ({
      person: t.expose('person', {
        type: Person,
        nullable: true,
        description: 'The person, with `departedOn` set.',
      }),
      replacedDepartedOn: t.expose('replacedDepartedOn', {
        type: 'Date',
        nullable: true,
        description:
          'The later departure day this one brought forward (null: none was recorded before).',
      }),
      endedSeats: t.expose('endedSeats', {
        type: [SeatAssignment],
        description: 'Their seat assignments, ended the day before they left.',
      }),
      endedMemberships: t.expose('endedMemberships', {
        type: [TeamMembership],
        description: 'Their team membership (and any planned one), ended.',
      }),
      endedAorOwnerships: t.expose('endedAorOwnerships', {
        type: [EndedAorOwnership],
        description: 'Their AoR ownerships, primary and backup, ended.',
      }),
      endedCandidacies: t.expose('endedCandidacies', {
        type: [SuccessionCandidate],
        description: 'Their succession candidacies, ended (confidential: PLANNER).',
      }),
      orphanedReports: t.expose('orphanedReports', {
        type: [Person],
        description:
          'Their direct reports still present: they keep this person as manager (history) ' +
          'until `setManager` gives them a new one.',
      }),
    }),
  ),
  failed: noDeparture,
  schema: z.object({ email: personRefSchema, on: daySchema.nullish() }),
  write: recordDeparture,
});
