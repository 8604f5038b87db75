import { holderPersonPath } from './document.js';
import type { ParsedDocument } from './shape.js';

/** A key an entry refers to, and where: a person by email or a unit by slug. */
export interface Reference {
  kind: 'person' | 'unit';
  key: string;
  path: string;
}

/**
 * Every reference of a document's entries: of its INVALID entries (their valid fields: their
 * writes do not run, yet an unknown manager of a person with a malformed start date is still
 * worth saying), or of its valid ones (a write stops at its first problem: a succession
 * entry's unknown unit hides an unknown candidate).
 */
export function* referencesOf(sections: ParsedDocument['partial']): Generator<Reference> {
  const { people, units, aors, succession, openRoles } = sections;
  const person = (key: string, path: string): Reference => ({ kind: 'person', key, path });
  const unit = (key: string, path: string): Reference => ({ kind: 'unit', key, path });
  for (const { index, value } of people) {
    if (value.manager) yield person(value.manager, `people[${index}].manager`);
  }
  for (const { index, value } of units) {
    if (value.parent) yield unit(value.parent, `units[${index}].parent`);
    for (const field of ['engLead', 'techLead'] as const) {
      const holder = value[field];
      const path = `units[${index}].${field}`;
      if (holder) yield person(holder.person, holderPersonPath(path, holder));
    }
    for (const [k, member] of (value.members ?? []).entries()) {
      yield person(member, `units[${index}].members[${k}]`);
    }
  }
  for (const { index, value } of aors) {
    if (value.unit) yield unit(value.unit, `aors[${index}].unit`);
    if (value.owner) yield person(value.owner, `aors[${index}].owner`);
    for (const [k, backup] of (value.backups ?? []).entries()) {
      yield person(backup, `aors[${index}].backups[${k}]`);
    }
  }
  for (const { index, value } of succession) {
    if (value.unit) yield unit(value.unit, `succession[${index}].unit`);
    if (value.candidate) yield person(value.candidate, `succession[${index}].candidate`);
  }
  for (const { index, value } of openRoles) {
    if (value.unit) yield unit(value.unit, `openRoles[${index}].unit`);
  }
}

/**
 * Keys declared only by invalid entries: their problems are reported at the entry, so an
 * entry referring to one is not checked further (one typo, one problem — not a page).
 */
export function invalidKeys(doc: ParsedDocument): { emails: Set<string>; units: Set<string> } {
  const validEmails = new Set(doc.people.map((p) => p.value.email));
  const validUnits = new Set(doc.units.map((u) => u.value.slug));
  return {
    emails: new Set([...doc.declared.emails].filter((email) => !validEmails.has(email))),
    units: new Set([...doc.declared.units.keys()].filter((slug) => !validUnits.has(slug))),
  };
}
