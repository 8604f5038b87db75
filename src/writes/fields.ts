import { z } from 'zod';
import { isOrgDay, ORG_DAYS } from '../core/org/days.js';

/**
 * The field rules of every entry point — mutations, import documents, the CLI, the
 * adapters — so a value refused by one is refused by all, with the same message and code
 * (`src/writes/problems.ts` words them).
 */

// What is printed as a command, not as text, by a terminal or a log viewer: the C0 controls
// (ESC cleared the screen of whoever ran `check`), DEL, the C1 controls, and the
// bidirectional embeddings, overrides and isolates that show text in another order than it
// reads. The marks (LRM, RLM, ALM) stay: names in right-to-left scripts carry them.
const COMMAND = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const COMMANDS = new RegExp(COMMAND.source, 'gu');
/** A character of the Basic Multilingual Plane as its `\uXXXX` escape (in JSON, in YAML). */
export const unicodeEscape = (c: string) =>
  `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
/** Text to show in a message, each such character written as its `\uXXXX` escape. */
export const commandsEscaped = (s: string) => s.replace(COMMANDS, unicodeEscape);
// Identifiers must be printable: such a character (NUL above all, which PostgreSQL text
// cannot hold) in a slug or an email is a mistake or an attack, never a name, and an
// unknown one is echoed in messages.
const printable = (s: string) => !COMMAND.test(s);
// Free text may hold line breaks and tabs, never NUL.
const noNul = (s: string) => !s.includes('\u0000');
const TEXT_CONTROLS = new Set(['\t', '\n', '\r', '\u0000']); // NUL: a message of its own
const noCommands = (s: string) => [...s.matchAll(COMMANDS)].every(([c]) => TEXT_CONTROLS.has(c));
// A name of nothing visible (zero-width and format characters, the Hangul fillers, the
// braille blank) is an empty one: trimming leaves them, and it showed as no name at all.
const visible = (s: string) => !/^[\s\p{Z}\p{Cf}\u115f\u1160\u3164\uffa0\u2800]*$/u.test(s);
const NO_CONTROLS = 'must not contain control characters';
// Nor half a character: a lone UTF-16 surrogate has no UTF-8 form (the audit log's JSON
// refused it as a fault; a text column stored U+FFFD instead).
const LONE_SURROGATE = /\p{Cs}/u;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);
const HALF_A_CHARACTER = 'must not contain a lone surrogate (half a character)';

const SLUG_MAX = 64;
const EMAIL_MAX = 254;
export const NAME_MAX = 200;
export const LEVEL_MAX = 50;

/** A unit or AoR slug: `[a-z0-9-]+`, at most 64 characters. */
export const slugSchema = z
  .string()
  .min(1, { error: 'must not be empty', abort: true })
  .max(SLUG_MAX, { error: `must be at most ${SLUG_MAX} characters`, abort: true })
  .regex(/^[a-z0-9-]+$/);

/** An email: well-formed, at most 254 characters, stored lower-cased (case-insensitive). */
export const emailSchema = z
  .string()
  .max(EMAIL_MAX, `must be at most ${EMAIL_MAX} characters`)
  .refine(printable, 'must not contain control characters')
  .refine(wellFormed, HALF_A_CHARACTER)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

/** A required display name: trimmed, 1–200 characters, one line of text. */
export const nameSchema = z
  .string()
  .refine(noNul, 'must not contain NUL characters')
  .refine(noCommands, NO_CONTROLS)
  .refine(wellFormed, HALF_A_CHARACTER)
  // Trimmed first: a YAML block scalar (`displayName: >`) ends with a line break.
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .refine(visible, 'must not be empty')
      .max(NAME_MAX, `must be at most ${NAME_MAX} characters`)
      .refine((s) => !/[\t\n\r]/.test(s), NO_CONTROLS),
  );

/** Optional text: trimmed, an empty string is stored as null (cleared). */
export const optionalText = (max: number) =>
  z
    .string()
    .refine(noNul, 'must not contain NUL characters')
    .refine(noCommands, NO_CONTROLS)
    .refine(wellFormed, HALF_A_CHARACTER)
    .transform((s) => s.trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`))
    .transform((s) => (s === '' ? null : s));

/** A long free text (a charter, a description, notes): at most 2000 characters. */
export const LONG_TEXT_MAX = 2000;
export const longTextSchema = optionalText(LONG_TEXT_MAX);

/**
 * A reference to an existing unit or AoR by slug, or a person by email: an unknown one is
 * NOT_FOUND (said by the write rule), a malformed one VALIDATION (said here).
 */
export const refSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(EMAIL_MAX, `must be at most ${EMAIL_MAX} characters`)
  .refine(printable, 'must not contain control characters')
  .refine(wellFormed, HALF_A_CHARACTER);

/** A person reference: matched case-insensitively, so compared lower-cased. */
export const personRefSchema = refSchema.transform((email) => email.toLowerCase());

const isoDay = z.iso.date();

/**
 * An ISO day the org can mean (years 1900–2999; the `Date` scalar says the same). The range is
 * judged only for a well-formed day, so a malformed one gets one message, not a second about
 * its range (not by aborting: an aborted check would hide the holder form's own messages,
 * which a union of an email and `{ person, since }` reports only while one side goes on).
 */
export const daySchema = isoDay.refine(
  (day) => !isoDay.safeParse(day).success || isOrgDay(day),
  `must be between ${ORG_DAYS.first} and ${ORG_DAYS.last}`,
);

/** Backups of one AoR: a handful in a real org; the bound refuses a script's runaway list. */
export const MAX_BACKUPS = 20;

/** An AoR's backup owners, by email. */
export const backupsSchema = z
  .array(z.string().pipe(personRefSchema))
  .max(MAX_BACKUPS, `at most ${MAX_BACKUPS} backups`);

/**
 * A reference that must be given, where `null` means "none" (no manager, no team): a field
 * left out is refused rather than silently read as null.
 */
export const requiredOrNull = (message: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? message : undefined) })
    .pipe(refSchema)
    .nullable();
