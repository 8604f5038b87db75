import { z } from 'zod';
import { readinessEnum, seatEnum } from '../db/tables.js';
import { builder } from '../graphql/builder.js';
import { orgMutation } from '../graphql/mutation.js';
import { payloadType } from '../graphql/user-errors.js';
import { SeatEnum } from '../seats/types.js';
import type { UserErrorData } from '../writes/errors.js';
import { daySchema, longTextSchema, personRefSchema, refSchema } from '../writes/fields.js';
import { ReadinessEnum, SuccessionCandidate } from './types.js';
import { addCandidate, type CandidateChange, removeCandidate, updateCandidate } from './writes.js';

const noChange: CandidateChange = { candidate: null, ended: null };
const key = {
  unit: refSchema,
  seat: z.enum(seatEnum.enumValues),
  person: personRefSchema,
};
const readiness = z.enum(readinessEnum.enumValues);

/** A payload with the changed candidacies: `candidate` (the current one), `ended` or both. */
function candidatePayload(
  name: string,
  description: string,
  fields: { candidate?: string; ended?: string },
) {
  return payloadType<CandidateChange & { userErrors: UserErrorData[] }>(name, description, (t) => ({
    ...(fields.candidate && {
      candidate: t.expose('candidate', {
        type: SuccessionCandidate,
        nullable: true,
        description: fields.candidate,
      }),
    }),
    ...(fields.ended && {
      ended: t.expose('ended', {
        type: SuccessionCandidate,
        nullable: true,
        description: fields.ended,
      }),
    }),
  }));
}

orgMutation({
  name: 'addCandidate',
  description:
    'Names a person as a possible successor for one seat of one unit from `on`. The seat’s ' +
    'holder cannot be a candidate for it (VALIDATION); a current candidate again: CONFLICT.',
  input: builder.inputType('AddCandidateInput', {
    description: 'A person to name as a possible successor for one seat of one unit.',
    fields: (t) => ({
      unit: t.string({ required: true, description: 'The unit (slug).' }),
      seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
      person: t.string({ required: true, description: "The candidate's email." }),
      readiness: t.field({ type: ReadinessEnum, required: true, description: 'How ready.' }),
      notes: t.string({ description: 'Private notes (at most 2000 characters).' }),
      on: t.field({ type: 'Date', description: 'First day named (default: today).' }),
    }),
  }),
  payload: candidatePayload('AddCandidatePayload', 'The new candidacy.', {
    candidate: 'The new candidacy.',
  }),
  failed: noChange,
  schema: z.object({
    ...key,
    readiness,
    notes: longTextSchema.nullish(),
    on: daySchema.nullish(),
  }),
  write: addCandidate,
});

orgMutation({
  name: 'updateCandidate',
  description:
    "Changes a current candidacy's readiness or notes. A readiness change ends the old " +
    'candidacy yesterday and starts one with the new readiness today (in place when the ' +
    'candidacy started today); a notes change is made in place.',
  input: builder.inputType('UpdateCandidateInput', {
    description:
      "A current candidacy's new readiness or notes; a field left out keeps its value. A " +
      'readiness change is history: the old readiness ends yesterday, the new one starts today.',
    fields: (t) => ({
      unit: t.string({ required: true, description: 'The unit (slug).' }),
      seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
      person: t.string({ required: true, description: "The candidate's email." }),
      readiness: t.field({ type: ReadinessEnum, description: 'The new readiness.' }),
      notes: t.string({ description: 'New private notes; null clears them.' }),
    }),
  }),
  payload: candidatePayload(
    'UpdateCandidatePayload',
    'The candidacy as it stands now, and the one a readiness change ended.',
    {
      candidate: 'The current candidacy.',
      ended:
        'The candidacy with the old readiness, ended yesterday (kept as history), when a ' +
        'readiness change started a new one; else null.',
    },
  ),
  failed: noChange,
  schema: z.object({ ...key, readiness: readiness.optional(), notes: longTextSchema.nullish() }),
  write: updateCandidate,
});

orgMutation({
  name: 'removeCandidate',
  description: 'Ends a candidacy from `on` (its last day is the day before); nothing is deleted.',
  input: builder.inputType('RemoveCandidateInput', {
    description: 'A candidacy to end, from when.',
    fields: (t) => ({
      unit: t.string({ required: true, description: 'The unit (slug).' }),
      seat: t.field({ type: SeatEnum, required: true, description: 'The seat.' }),
      person: t.string({ required: true, description: "The candidate's email." }),
      on: t.field({ type: 'Date', description: 'First day no longer named (default: today).' }),
    }),
  }),
  payload: candidatePayload('RemoveCandidatePayload', 'The candidacy that was ended.', {
    ended: 'The candidacy, ended the day before `on` (kept as history).',
  }),
  failed: noChange,
  schema: z.object({ ...key, on: daySchema.nullish() }),
  write: removeCandidate,
});
