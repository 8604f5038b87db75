import { z } from 'zod';

/**
 * Field rules shared by every mutation's input. Each message completes "input.<field> …",
 * e.g. `input.slug: must be lower-case letters, digits and dashes only`.
 */

// PostgreSQL text cannot hold NUL characters: refuse them as input, not as a crash.
const noNul = (s: string) => !s.includes('\u0000');

/** A required display name: trimmed, 1–200 characters. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine(noNul, 'must not contain NUL characters');

/** Optional text: trimmed, an empty string is stored as null (cleared). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(noNul, 'must not contain NUL characters')
    .transform((s) => (s === '' ? null : s));

/** A long free text (a description, notes): at most 2000 characters; null clears it. */
export const longTextSchema = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine(noNul, 'must not contain NUL characters');

/** A unit or AoR slug: `[a-z0-9-]+`, at most 64 characters. */
export const slugSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes only');

/** A new person's email: well-formed, stored lower-cased (emails are case-insensitive). */
export const emailSchema = z
  .email('must be a well-formed email address')
  .max(254, 'must be at most 254 characters')
  .transform((email) => email.toLowerCase());

/** A reference to an existing row by slug or email: unknown ones are NOT_FOUND, not malformed. */
export const refSchema = z.string().trim().min(1, 'must not be empty');

/** An ISO day (the `Date` scalar has already checked it; kept for direct callers). */
export const daySchema = z.iso.date('must be an existing day, YYYY-MM-DD');

/**
 * A reference that must be given, where `null` means "none" (no manager, no team): a field
 * left out is refused rather than silently read as null.
 */
export const requiredOrNull = (message: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? message : undefined) })
    .trim()
    .min(1, 'must not be empty')
    .nullable();
