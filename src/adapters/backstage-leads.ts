import { emailSchema } from '../orgdoc/document.js';
import type { People } from './backstage-people.js';
import { at, type Entity, field, type Report } from './catalog.js';
import { refFrom } from './catalog-refs.js';
import type { Origin, UnitInput } from './source-map.js';

/** Backstage has no leaders: these Group annotations name them (a User reference). */
export const LEAD_ANNOTATIONS = {
  engLead: 'orgraph.io/eng-lead',
  techLead: 'orgraph.io/tech-lead',
} as const;

type Seat = keyof typeof LEAD_ANNOTATIONS;

/** The lead annotations a group carries, as written (a skipped group's are not read). */
export const leadAnnotationsOf = (group: Entity): string[] =>
  Object.values(LEAD_ANNOTATIONS).filter(
    (annotation) => field(group.metadata, 'annotations', annotation) !== undefined,
  );

/** A group's leads from its annotations, onto its unit. */
export function addLeads(unit: UnitInput, group: Entity, found: People, report: Report): void {
  for (const [seat, annotation] of Object.entries(LEAD_ANNOTATIONS)) {
    const value = field(group.metadata, 'annotations', annotation);
    if (value === undefined) continue;
    const origin = at(group.origin, `metadata.annotations.${annotation}`);
    const email = leadEmail(found, group, value, origin, report);
    if (email) unit[seat as Seat] = email;
  }
}

/**
 * An `orgraph.io/` annotation orgraph does not read (`orgraph.io/englead`): a typo would
 * otherwise leave a seat empty with no word said.
 */
export function unknownAnnotations(entity: Entity, report: Report): void {
  const annotations = field(entity.metadata, 'annotations');
  if (typeof annotations !== 'object' || annotations === null) return;
  const read: readonly string[] = Object.values(LEAD_ANNOTATIONS);
  for (const name of Object.keys(annotations)) {
    if (!name.toLowerCase().startsWith('orgraph.io/') || read.includes(name)) continue;
    const message = `not read: orgraph reads ${read.join(' and ')} (on a Group)`;
    report.warnings.push({ origin: at(entity.origin, `metadata.annotations.${name}`), message });
  }
}

/**
 * A lead from an annotation: a User with an email, or an email itself (an entity reference
 * never holds `@`), which the import looks up in the catalog's people and the org's; anything
 * else is a problem.
 */
function leadEmail(found: People, group: Entity, value: unknown, origin: Origin, report: Report) {
  const written = emailSchema.safeParse(value);
  if (written.success) return written.data;
  const key = refFrom(group, value, 'user', (k) => found.known.has(k));
  const email = key === null ? undefined : found.emails.get(key);
  if (email !== undefined) return email;
  const without = key === null ? undefined : found.withoutEmail.get(key);
  if (without) {
    found.withoutEmail.delete(without.key);
    const message = `${without.ref} has no spec.profile.email, and a lead needs one`;
    report.problems.push({ origin, message });
  } else if (key === null || !found.known.has(key)) {
    report.problems.push({ origin, message: `unknown user ${JSON.stringify(value)}` });
  }
  return null;
}
