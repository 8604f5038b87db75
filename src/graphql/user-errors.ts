import type { FieldMap } from '@pothos/core';
import { USER_ERROR_CODES, type UserErrorData } from '../writes/errors.js';
import { builder, type Types } from './builder.js';

const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Why a mutation refused its input; stable, for programs to branch on.',
  values: USER_ERROR_CODES,
});

const UserError = builder.objectRef<UserErrorData>('UserError').implement({
  description: 'An expected failure of a mutation: bad input, not found, conflict.',
  fields: (t) => ({
    path: t.exposeString('path', {
      nullable: true,
      description: 'Where in the input, e.g. `units[3].parent`.',
    }),
    message: t.exposeString('message', { description: 'What is wrong, for a person to read.' }),
    code: t.expose('code', { type: UserErrorCodeEnum, description: 'The kind of failure.' }),
  }),
});

type PayloadFieldBuilder<Shape> = PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>;

/**
 * A mutation payload type (input/payload pattern): the fields given plus `userErrors`,
 * where an empty list means the mutation succeeded.
 */
export function payloadType<Shape extends { userErrors: UserErrorData[] }>(
  name: string,
  description: string,
  fields: (t: PayloadFieldBuilder<Shape>) => FieldMap,
) {
  return builder.objectRef<Shape>(name).implement({
    description,
    fields: (t) => ({
      ...fields(t),
      userErrors: t.field({
        type: [UserError],
        description: 'What was wrong with the input; empty on success.',
        resolve: (payload) => payload.userErrors,
      }),
    }),
  });
}
