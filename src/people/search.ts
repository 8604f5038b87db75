import { compareText, isPresentOn } from '../core/org/as-of.js';
import type { Day } from '../core/org/state.js';
import type { PersonRow } from '../db/tables.js';
import type { OrgRows } from '../store/org-rows.js';

/** Three UTF-16 code units as one number (< 2^48): a Map key without building a string. */
function trigramAt(text: string, at: number): number {
  return (
    text.charCodeAt(at) * 2 ** 32 + text.charCodeAt(at + 1) * 2 ** 16 + text.charCodeAt(at + 2)
  );
}

/**
 * Everyone of one org version, in email order, with a trigram index over their lower-cased
 * names and emails: a search reads the posting list of its rarest trigram and checks only
 * those people, so "ana" on 100,000 people checks the few thousand that contain "ana", not
 * everyone. Built once per org version (on the first search), then shared by every request.
 */
export class PeopleIndex {
  readonly people: PersonRow[];
  private readonly names: string[];
  private readonly emails: string[];
  private readonly postings = new Map<number, number[]>();

  constructor(rows: Iterable<PersonRow>) {
    this.people = [...rows].sort((a, b) =>
      compareText(a.email.toLowerCase(), b.email.toLowerCase()),
    );
    this.names = this.people.map((p) => p.name.toLowerCase());
    this.emails = this.people.map((p) => p.email.toLowerCase());
    this.people.forEach((_, position) => {
      this.post(this.names[position] as string, position);
      this.post(this.emails[position] as string, position);
    });
  }

  private post(text: string, position: number): void {
    for (let at = 0; at + 3 <= text.length; at++) {
      const key = trigramAt(text, at);
      const list = this.postings.get(key);
      if (!list) this.postings.set(key, [position]);
      // Positions arrive in order, so a repeat can only be the last one.
      else if (list[list.length - 1] !== position) list.push(position);
    }
  }

  /** The positions of people whose name or email contains `text` (lower-case), in order. */
  matching(text: string): number[] {
    let candidates: readonly number[] | null = null;
    for (let at = 0; at + 3 <= text.length; at++) {
      const list = this.postings.get(trigramAt(text, at)) ?? [];
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    // Shorter than a trigram: such a text matches much of the org, so every person is checked.
    const checked = candidates ?? this.people.map((_, position) => position);
    return checked.filter((p) => this.names[p]?.includes(text) || this.emails[p]?.includes(text));
  }

  /** The name, a word of it, or the email starts with `text` (lower-case). */
  startsWith(position: number, text: string): boolean {
    const name = this.names[position] ?? '';
    return (
      name.startsWith(text) ||
      name.includes(` ${text}`) ||
      !!this.emails[position]?.startsWith(text)
    );
  }
}

const indexes = new WeakMap<OrgRows, PeopleIndex>();

/** The index of an org version's rows, built on first use. */
export function peopleIndexOf(rows: OrgRows): PeopleIndex {
  let index = indexes.get(rows);
  if (!index) {
    index = new PeopleIndex(rows.people.values());
    indexes.set(rows, index);
  }
  return index;
}

/** Which people a `people(…)` list holds; the parts combine. */
export interface PeopleFilter {
  /** Part of the name or email, any case. */
  search?: string;
  /** Only these people (a team's members). */
  ids?: ReadonlySet<number>;
  /** Only the direct reports of `managerId`: those whose manager on the day (`managerOf`) it is. */
  reportsTo?: { managerId: number; managerOf(personId: number): number | null };
  /** Also people who have left by `day`. */
  includeDeparted: boolean;
  day: Day;
}

/**
 * The people of a filter in email order; for a search, those whose name, a word of it, or
 * email starts with the text come first ("ana": Ana Ruiz before Diana Lee).
 */
export function findPeople(index: PeopleIndex, filter: PeopleFilter): PersonRow[] {
  const text = filter.search?.trim().toLowerCase();
  const positions = text ? index.matching(text) : index.people.map((_, position) => position);
  const kept = positions.filter((position) => {
    const person = index.people[position] as PersonRow;
    return (
      (filter.includeDeparted || isPresentOn(person, filter.day)) &&
      (!filter.ids || filter.ids.has(person.id)) &&
      (!filter.reportsTo || filter.reportsTo.managerOf(person.id) === filter.reportsTo.managerId)
    );
  });
  const first = text ? kept.filter((position) => index.startsWith(position, text)) : [];
  const rest = text ? kept.filter((position) => !index.startsWith(position, text)) : kept;
  return [...first, ...rest].map((position) => index.people[position] as PersonRow);
}
