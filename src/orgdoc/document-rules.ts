import type { Problems } from '../writes/problems.js';
import type { Entry, ParsedDocument } from './shape.js';

/**
 * The rules about a document itself rather than the org: a key stated twice. Each repeat is
 * a CONFLICT naming the first, and is left out when the document is applied.
 */

/** Where each repeated entry is, to leave it out: `people[3]`, `units[2].members[1]`. */
export type Repeats = Set<string>;

function reportRepeats<T>(
  problems: Problems,
  repeats: Repeats,
  section: string,
  entries: Entry<T>[],
  keyOf: (value: T) => string,
  field: string,
  describe: (value: T) => string,
): void {
  const first = new Map<string, number>();
  for (const { index, value } of entries) {
    const key = keyOf(value);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      continue;
    }
    repeats.add(`${section}[${index}]`);
    const path = field ? `${section}[${index}].${field}` : `${section}[${index}]`;
    const message = `duplicate ${describe(value)} (also ${section}[${earlier}])`;
    problems.add(path, message, 'CONFLICT');
  }
}

/** A person listed as a member of two teams: the later listing is the repeat. */
function reportRepeatedMembers(doc: ParsedDocument, problems: Problems, repeats: Repeats): void {
  const listedAt = new Map<string, { slug: string; path: string }>();
  for (const { index, value: unit } of doc.units) {
    if (unit.layer !== 'TEAM') continue;
    for (const [k, email] of (unit.members ?? []).entries()) {
      const path = `units[${index}].members[${k}]`;
      const earlier = listedAt.get(email);
      if (!earlier) {
        listedAt.set(email, { slug: unit.slug, path });
        continue;
      }
      repeats.add(path);
      const message = `"${email}" is already listed as a member of "${earlier.slug}" (${earlier.path})`;
      problems.add(path, message, 'CONFLICT');
    }
  }
}

export function documentRepeats(doc: ParsedDocument, problems: Problems): Repeats {
  const repeats: Repeats = new Set();
  const report = <T>(
    section: string,
    entries: Entry<T>[],
    keyOf: (value: T) => string,
    field: string,
    describe: (value: T) => string,
  ) => reportRepeats(problems, repeats, section, entries, keyOf, field, describe);
  report(
    'people',
    doc.people,
    (p) => p.email,
    'email',
    (p) => `email "${p.email}"`,
  );
  report(
    'units',
    doc.units,
    (u) => u.slug,
    'slug',
    (u) => `unit "${u.slug}"`,
  );
  report(
    'aors',
    doc.aors,
    (a) => a.slug,
    'slug',
    (a) => `AoR "${a.slug}"`,
  );
  report(
    'succession',
    doc.succession,
    (s) => `${s.unit}:${s.seat}:${s.candidate}`,
    '',
    (s) => `candidate "${s.candidate}" for the ${s.seat} seat of "${s.unit}"`,
  );
  // A leadership seat has one role under way at a time: a second entry for it is a repeat.
  // An ENGINEER seat hires several at once: identical entries are that many roles.
  report(
    'openRoles',
    doc.openRoles.filter((r) => r.value.seat !== 'ENGINEER'),
    (r) => `${r.unit}:${r.seat}:${r.openedOn ?? ''}`,
    '',
    (r) => `${r.seat} role on "${r.unit}"${r.openedOn ? ` opened on ${r.openedOn}` : ''}`,
  );
  reportRepeatedMembers(doc, problems, repeats);
  return repeats;
}
