import type { ParsedDocument } from './shape.js';

/** A section's valid entries and the valid fields of its invalid ones. */
function allOf<S extends keyof ParsedDocument['partial']>(doc: ParsedDocument, section: S) {
  return [...doc[section], ...doc.partial[section]] as ParsedDocument['partial'][S];
}

/** A key the document refers to, and where: the unit of rules and error messages. */
export interface Reference {
  key: string;
  path: string;
}

/** Every person the document refers to (managers, seat holders, members, owners, candidates). */
export function* personReferences(doc: ParsedDocument): Generator<Reference> {
  for (const { index, value } of allOf(doc, 'people')) {
    if (value.manager) yield { key: value.manager, path: `people[${index}].manager` };
  }
  for (const { index, value } of allOf(doc, 'units')) {
    if (value.engLead) yield { key: value.engLead.person, path: `units[${index}].engLead` };
    if (value.techLead) yield { key: value.techLead.person, path: `units[${index}].techLead` };
    for (const [k, member] of (value.members ?? []).entries()) {
      yield { key: member, path: `units[${index}].members[${k}]` };
    }
  }
  for (const { index, value } of allOf(doc, 'aors')) {
    if (value.owner) yield { key: value.owner, path: `aors[${index}].owner` };
    for (const [k, backup] of (value.backups ?? []).entries()) {
      yield { key: backup, path: `aors[${index}].backups[${k}]` };
    }
  }
  for (const { index, value } of allOf(doc, 'succession')) {
    if (value.candidate) yield { key: value.candidate, path: `succession[${index}].candidate` };
  }
}

/** Every unit the document refers to (parents, and the units of AoRs, candidates and roles). */
export function* unitReferences(doc: ParsedDocument): Generator<Reference> {
  for (const { index, value } of allOf(doc, 'units')) {
    if (value.parent) yield { key: value.parent, path: `units[${index}].parent` };
  }
  for (const section of ['aors', 'succession', 'openRoles'] as const) {
    for (const { index, value } of allOf(doc, section)) {
      if (value.unit) yield { key: value.unit, path: `${section}[${index}].unit` };
    }
  }
}

/** The emails and slugs to load from the database for this document. */
export function documentKeys(doc: ParsedDocument) {
  const emails = new Set(doc.people.map((p) => p.value.email));
  for (const ref of personReferences(doc)) emails.add(ref.key);
  const unitSlugs = new Set(doc.units.map((u) => u.value.slug));
  for (const ref of unitReferences(doc)) unitSlugs.add(ref.key);
  const aorSlugs = new Set(doc.aors.map((a) => a.value.slug));
  return { emails, unitSlugs, aorSlugs };
}
