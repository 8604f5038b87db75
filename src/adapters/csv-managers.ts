import type { Origin, SourceProblem } from './source-map.js';

type Person = Record<string, string | null>;

/** A name as people write it, for matching: case, spacing and `Last, First` order aside. */
const nameKey = (name: string) => {
  const [last, first, ...rest] = name.split(',').map((part) => part.trim());
  const ordered = first !== undefined && rest.length === 0 ? `${first} ${last}` : name;
  return ordered.toLowerCase().replace(/\s+/g, ' ').trim();
};

/**
 * Managers the file gives by name, as BambooHR's `Reports To` and Workday's `Manager` do
 * (`Ruiz, Ana`, `Ana Ruiz`): each read as the email of the one person of the file by that
 * name. A name no one of the file has, or several share, is a problem at its cell: the
 * manager must then be given by email.
 */
export function managersByName(
  people: Person[],
  origins: Origin[],
  header: string,
  problems: SourceProblem[],
): void {
  const byName = new Map<string, string[]>();
  for (const { name, email } of people) {
    if (!name || !email) continue;
    const key = nameKey(name);
    byName.set(key, [...(byName.get(key) ?? []), email]);
  }
  people.forEach((person, i) => {
    const manager = person.manager;
    if (!manager || manager.includes('@')) return;
    const emails = byName.get(nameKey(manager)) ?? [];
    if (emails.length === 1) {
      person.manager = emails[0] ?? null;
      return;
    }
    const origin = origins[i] as Origin;
    const who = emails.length === 0 ? 'no one in the file is' : `${emails.length} people are`;
    problems.push({
      origin: { ...origin, text: `${origin.text}, ${header}` },
      message: `${who} named "${manager}": give the manager's email instead`,
    });
    // Told once, here: the import's own check would call the name a malformed email too.
    person.manager = null;
  });
}
