import { expect } from 'vitest';
import type { TestApp } from './app.js';

/** A mutation's `input` variable. */
export type Input = Record<string, unknown>;
/** A mutation's payload: the first (and only) field of its `data`. */
export type Payload = Record<string, any>;
/** An input that must be refused, with the path and code of its one userError. */
export type Refusal = readonly [input: Input, path: string, code: string];

/** The mutation `name` taking `{ input }` of type `inputType`, answering its userErrors only. */
export const userErrorsOf = (name: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${name}(input: $input) { userErrors { path message code } } }`;

/** Runs `mutation` with `{ input }`, failing on any GraphQL error; returns the payload. */
export async function mutate(t: TestApp, mutation: string, input: Input): Promise<Payload> {
  const data = await t.data(mutation, { input });
  return Object.values(data)[0] as Payload;
}

/** Runs a mutation that must succeed (no userErrors) and returns its payload. */
export async function expectWritten(t: TestApp, mutation: string, input: Input) {
  const payload = await mutate(t, mutation, input);
  expect(payload.userErrors, JSON.stringify(input)).toEqual([]);
  return payload;
}

/**
 * Runs a mutation that must be refused: exactly one userError at `path` with `code` and a
 * message, every other payload field null (or an empty list), and no change recorded.
 */
export async function expectRefused(
  t: TestApp,
  mutation: string,
  input: Input,
  path: string,
  code: string,
) {
  const label = JSON.stringify(input);
  const before = await t.changeCount();
  const payload = await mutate(t, mutation, input);
  expect(payload.userErrors, label).toMatchObject([{ path, code }]);
  expect(payload.userErrors[0].message, label).toMatch(/\S/);
  for (const [field, value] of Object.entries(payload)) {
    if (field === 'userErrors') continue;
    if (Array.isArray(value)) expect(value, `${field} of ${label}`).toEqual([]);
    else expect(value, `${field} of ${label}`).toBeNull();
  }
  expect(await t.changeCount(), label).toBe(before);
  return payload;
}

/** expectRefused() for each of `cases`, in order. */
export async function expectRefusedAll(t: TestApp, mutation: string, cases: readonly Refusal[]) {
  for (const [input, path, code] of cases) await expectRefused(t, mutation, input, path, code);
}
