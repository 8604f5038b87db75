import { z } from 'zod';
import type { Layer } from '../db/tables.js';
import { type PolicyChange, policyChangeSchema } from '../policy/writes.js';
import { type Problems, received, reportIssues } from '../writes/problems.js';
import {
  type AorEntry,
  holderPersonSchema,
  type OpenRoleEntry,
  type PersonEntry,
  SECTION_NAMES,
  type SectionName,
  type SuccessionEntry,
  sectionSchemas,
  type UnitEntry,
} from './document.js';

/** A valid entry with its index in the document, so later rules can name `units[3]`. */
export interface Entry<T> {
  index: number;
  value: T;
}

interface Sections {
  people: PersonEntry;
  units: UnitEntry;
  aors: AorEntry;
  succession: SuccessionEntry;
  openRoles: OpenRoleEntry;
}

/** The document's valid entries by section, and what rules need about the rest. */
export type ParsedDocument = { [S in SectionName]: Entry<Sections[S]>[] } & {
  /**
   * The valid fields of invalid entries. Only reference checks read them: a person with a
   * malformed start date still gets told their manager is unknown.
   */
  partial: { [S in SectionName]: Entry<Partial<Sections[S]>>[] };
  /**
   * Keys declared by every entry, valid or not: a person whose name is missing is still
   * "in the document", so references to them are not also reported as unknown.
   */
  declared: { emails: Set<string>; units: Map<string, Layer | undefined> };
  /** The document's `policy:`, when it has a valid one. */
  policy: PolicyChange | null;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The same object schema where each invalid or missing field is simply left out, or what
 * `salvage` keeps of it: a seat holder's person, when its day or `acting` is malformed.
 */
function lenient<S extends z.ZodObject>(
  schema: S,
  salvage: Record<string, z.ZodType> = {},
): z.ZodType<Partial<z.output<S>>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field as z.ZodType)
        .optional()
        .catch((ctx: z.core.$ZodCatchCtx) => salvage[key]?.safeParse(ctx.value).data),
    ]),
  );
  return z.object(shape) as unknown as z.ZodType<Partial<z.output<S>>>;
}

/** What `lenient` keeps of a malformed field, by section. */
const SALVAGED: Partial<Record<SectionName, Record<string, z.ZodType>>> = {
  units: { engLead: holderPersonSchema, techLead: holderPersonSchema },
};

interface SectionResult<T> {
  valid: Entry<T>[];
  partial: Entry<Partial<T>>[];
}

function parseSection<S extends z.ZodObject>(
  name: SectionName,
  raw: unknown,
  schema: S,
  problems: Problems,
): SectionResult<z.output<S>> {
  const result: SectionResult<z.output<S>> = { valid: [], partial: [] };
  // A section left out and a section written as null (`people:` alone in YAML) both say nothing.
  if (raw === undefined || raw === null) return result;
  if (!Array.isArray(raw)) {
    problems.add(name, `expected a list, got ${received(raw)}`, 'VALIDATION');
    return result;
  }
  const salvage = lenient(schema, SALVAGED[name]);
  for (const [index, item] of raw.entries()) {
    const parsed = schema.safeParse(item, { reportInput: true });
    if (parsed.success) {
      result.valid.push({ index, value: parsed.data });
      continue;
    }
    reportIssues(parsed.error.issues, [name, index], problems, Object.keys(schema.shape));
    const mended = mendedEntry(name, schema, item, parsed.error.issues);
    if (mended !== undefined) {
      result.valid.push({ index, value: mended });
      continue;
    }
    const partial = salvage.safeParse(item);
    if (partial.success) result.partial.push({ index, value: partial.data });
  }
  return result;
}

/**
 * Fields no write rule reads: an entry whose only problems are there (or an unknown field)
 * is checked by the rules without them, its name standing in for a bad name, so that its
 * other problems, and those of entries naming it, are listed in the same answer. Nothing is
 * written either way: its own problems refuse the document.
 */
const INERT: Record<SectionName, readonly string[]> = {
  people: ['name', 'title', 'level'],
  units: ['name', 'charter'],
  aors: ['name', 'description', 'criticality'],
  succession: ['notes'],
  openRoles: [],
};

function mendedEntry<S extends z.ZodObject>(
  section: SectionName,
  schema: S,
  item: unknown,
  issues: readonly z.core.$ZodIssue[],
): z.output<S> | undefined {
  if (!isRecord(item)) return undefined;
  const bad = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const field = issue.path[0];
    if (typeof field !== 'string' || !INERT[section].includes(field)) return undefined;
    bad.add(field);
  }
  const kept = Object.fromEntries(
    Object.entries(item).filter(([key]) => key in schema.shape && !bad.has(key)),
  );
  if (bad.has('name')) kept.name = kept.slug ?? kept.email;
  return schema.safeParse(kept).data;
}

function declaredKeys(input: Record<string, unknown>): ParsedDocument['declared'] {
  const emails = new Set<string>();
  const units = new Map<string, Layer | undefined>();
  for (const person of asList(input.people)) {
    if (isRecord(person) && typeof person.email === 'string')
      emails.add(person.email.toLowerCase());
  }
  const layers = sectionSchemas.units.shape.layer;
  for (const unit of asList(input.units)) {
    if (!isRecord(unit) || typeof unit.slug !== 'string') continue;
    const layer = layers.safeParse(unit.layer);
    units.set(unit.slug, layer.success ? layer.data : undefined);
  }
  return { emails, units };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Checks the document's shape entry by entry: a bad entry never hides problems elsewhere. */
export function parseDocumentShape(input: unknown, problems: Problems): ParsedDocument {
  const document = isRecord(input) ? input : {};
  if (!isRecord(input)) {
    problems.add(null, `the document must be an object, got ${received(input)}`, 'VALIDATION');
  }
  // One Backstage entity (a catalog of one document) is told as such, not as four sections.
  const entityKind = typeof document.kind === 'string' && isRecord(document.metadata);
  if (entityKind) {
    const message = `a Backstage entity (kind: ${document.kind}), not an org document: import a catalog with the CLI's --from backstage`;
    problems.add(null, message, 'VALIDATION');
  }
  for (const key of entityKind ? [] : Object.keys(document)) {
    if (!(SECTION_NAMES as string[]).includes(key) && key !== 'policy') {
      const expected = [...SECTION_NAMES, 'policy'].join(', ');
      problems.add(key, `unknown section (expected ${expected})`, 'VALIDATION');
    }
  }
  const people = parseSection('people', document.people, sectionSchemas.people, problems);
  const units = parseSection('units', document.units, sectionSchemas.units, problems);
  const aors = parseSection('aors', document.aors, sectionSchemas.aors, problems);
  const succession = parseSection(
    'succession',
    document.succession,
    sectionSchemas.succession,
    problems,
  );
  const roles = parseSection('openRoles', document.openRoles, sectionSchemas.openRoles, problems);
  return {
    people: people.valid,
    units: units.valid,
    aors: aors.valid,
    succession: succession.valid,
    openRoles: roles.valid,
    partial: {
      people: people.partial,
      units: units.partial,
      aors: aors.partial,
      succession: succession.partial,
      openRoles: roles.partial,
    },
    declared: declaredKeys(document),
    policy: parsePolicy(document.policy, problems),
  };
}

/** The `policy:` object: one entry, not a list; left out or null, it says nothing. */
function parsePolicy(raw: unknown, problems: Problems): PolicyChange | null {
  if (raw === undefined || raw === null) return null;
  const parsed = policyChangeSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  reportIssues(parsed.error.issues, ['policy'], problems, Object.keys(policyChangeSchema.shape));
  return null;
}
