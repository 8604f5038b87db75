import { z } from 'zod';
import {
  CRITICALITY_VALUES,
  LAYER_VALUES,
  READINESS_VALUES,
  ROLE_SEAT_VALUES,
  ROLE_STATUS_VALUES,
  SEAT_VALUES,
} from '../db/enum-values.js';
import type { Seat } from '../db/tables.js';
import { policyChangeSchema } from '../policy/writes.js';
import {
  daySchema,
  emailSchema,
  LEVEL_MAX,
  longTextSchema,
  MAX_BACKUPS,
  NAME_MAX,
  nameSchema,
  optionalText,
  personRefSchema,
  refSchema,
  slugSchema,
} from '../writes/fields.js';

/**
 * The org document (SPEC §3), as JSON or YAML. Conventions:
 * - every section and every optional field may be left out; a left-out field keeps what
 *   the database has. `null` clears a person's title, level, startedOn and manager, a unit's
 *   charter, an AoR's description and a candidate's notes; elsewhere it means left out
 *   (`unmentioned`), so a document never ends what it does not state;
 * - emails are case-insensitive: they are lower-cased on input, and new people are stored
 *   with the lower-cased address;
 * - objects are strict, so a misspelt field (`techlead`) is reported instead of ignored.
 */

/** A reference to a unit by slug; an unknown one is reported as not found, not malformed. */
const unitRefSchema = refSchema;

/**
 * Text YAML reads as a number (`level: 5`, a unit named `2024`): taken as the text written,
 * as a spreadsheet would, rather than refused for its type. (An export quotes such text.)
 */
const asText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'number' ? String(value) : value), schema);

const name = asText(nameSchema);
const title = asText(optionalText(NAME_MAX).nullish());
const level = asText(optionalText(LEVEL_MAX).nullish());
const longText = longTextSchema.nullish();

/**
 * An optional field whose null (a script's None, a YAML key with no value) means the same as
 * leaving it out: import never ends what the document does not mention.
 */
const unmentioned = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? undefined);

// A reference to a person by email (`personRefSchema`): one that names no one is "unknown
// person", malformed or not (`manager_email: unknown person "x@y"`); only a person's own
// `email` must be well-formed.
const holderObjectSchema = z.strictObject({
  person: personRefSchema,
  /** First day in the seat; defaults to the day of the import. */
  since: unmentioned(daySchema),
  /** Interim holder; left out: false for a new holder, unchanged for the current one. */
  acting: unmentioned(z.boolean()),
});

/** Holders written as `{ person, … }`: a problem with their person is told at `.person`. */
const writtenAsObject = new WeakSet<object>();
const asWritten = <T extends object>(holder: T): T => {
  writtenAsObject.add(holder);
  return holder;
};

/** Where a holder's person is in the document: the holder's path, or its `.person`. */
export const holderPersonPath = (path: string, holder: object) =>
  writtenAsObject.has(holder) ? `${path}.person` : path;

/** A seat holder: an email, or `{ person, since?, acting? }` when the start date matters. */
const holderSchema = z.union([
  personRefSchema.transform((person) => ({ person }) as z.output<typeof holderObjectSchema>),
  holderObjectSchema.transform(asWritten),
]);

/**
 * Of a holder refused for its `since` or `acting`, the person it names: still checked, so an
 * unknown one is told in the same answer, not only once the day is mended.
 */
export const holderPersonSchema = z
  .looseObject({ person: personRefSchema })
  .transform(({ person }) => asWritten({ person }) as z.output<typeof holderObjectSchema>);

export const personSchema = z.strictObject({
  email: emailSchema,
  name,
  title,
  level,
  manager: personRefSchema.nullish(),
  startedOn: daySchema.nullish(),
  /** Their first day gone; recorded (ending what they hold) when not recorded yet. */
  departedOn: unmentioned(daySchema),
});

export const unitSchema = z.strictObject({
  slug: slugSchema,
  name,
  layer: z.enum(LAYER_VALUES),
  parent: unitRefSchema.nullish(),
  charter: longText,
  engLead: unmentioned(holderSchema),
  techLead: unmentioned(holderSchema),
  members: unmentioned(z.array(personRefSchema)),
});

export const aorSchema = z.strictObject({
  slug: slugSchema,
  name,
  unit: unitRefSchema,
  description: longText,
  /** Defaults to MEDIUM for a new AoR. */
  criticality: unmentioned(z.enum(CRITICALITY_VALUES)),
  owner: unmentioned(personRefSchema),
  backups: unmentioned(z.array(personRefSchema).max(MAX_BACKUPS, `at most ${MAX_BACKUPS} backups`)),
});

export const successionSchema = z.strictObject({
  unit: unitRefSchema,
  seat: z.enum(SEAT_VALUES),
  candidate: personRefSchema,
  readiness: z.enum(READINESS_VALUES),
  notes: longText,
});

export const openRoleSchema = z.strictObject({
  unit: unitRefSchema,
  seat: z.enum(ROLE_SEAT_VALUES),
  /** Defaults to OPEN. */
  status: unmentioned(z.enum(ROLE_STATUS_VALUES)),
  /** Defaults to the day of the import; when given, it picks which role of the seat is meant. */
  openedOn: unmentioned(daySchema),
});

/** The unit field that names each seat's holder. */
const SEAT_FIELD = { ENG_LEAD: 'engLead', TECH_LEAD: 'techLead' } as const satisfies Record<
  Seat,
  keyof z.output<typeof unitSchema>
>;
export const SEAT_FIELDS = Object.entries(SEAT_FIELD) as Array<[Seat, (typeof SEAT_FIELD)[Seat]]>;

/** Each section's entry schema; the validator parses entry by entry to report every problem. */
export const sectionSchemas = {
  people: personSchema,
  units: unitSchema,
  aors: aorSchema,
  succession: successionSchema,
  openRoles: openRoleSchema,
} as const;

export type SectionName = keyof typeof sectionSchemas;
export const SECTION_NAMES = Object.keys(sectionSchemas) as SectionName[];

export const orgDocumentSchema = z.strictObject({
  people: z.array(personSchema).optional(),
  units: z.array(unitSchema).optional(),
  aors: z.array(aorSchema).optional(),
  succession: z.array(successionSchema).optional(),
  openRoles: z.array(openRoleSchema).optional(),
  /** The org's policy from `on` (SPEC "Policies"), as `setPolicy` takes it. */
  policy: policyChangeSchema.optional(),
});

/** The document as written (what `exportOrgDocument` returns and importers accept). */
export type OrgDocument = z.input<typeof orgDocumentSchema>;
/** Every section of a document, lists and the policy alike: what an export writes. */
export type OrgSections = Required<Omit<OrgDocument, 'policy'>> & Pick<OrgDocument, 'policy'>;

export type PersonEntry = z.output<typeof personSchema>;
export type UnitEntry = z.output<typeof unitSchema>;
export type AorEntry = z.output<typeof aorSchema>;
export type SuccessionEntry = z.output<typeof successionSchema>;
export type OpenRoleEntry = z.output<typeof openRoleSchema>;

/** The field rules the CLI also parses its options with. */
export { daySchema, emailSchema };
