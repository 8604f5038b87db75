import { describe, expect, it } from 'vitest';
import type { PersonRow } from '../../src/db/tables.js';
import { findPeople, PeopleIndex } from '../../src/people/search.js';

const TODAY = '2026-11-23';

function person(
  id: number,
  name: string,
  email: string,
  extra: Partial<PersonRow> = {},
): PersonRow {
  const row = { title: null, level: null, managerId: null, startedOn: null, departedOn: null };
  return { id, name, email, ...row, ...extra };
}

/** A pseudo-random org (a fixed seed): names and emails from a small alphabet, many overlaps. */
function randomPeople(count: number): PersonRow[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  const word = () => Array.from({ length: 2 + (next() % 6) }, () => 'abnorÉé'[next() % 7]).join('');
  return Array.from({ length: count }, (_, i) =>
    person(i + 1, `${word()} ${word()}`, `${word()}.${i}@Example.com`),
  );
}

describe('the people index', () => {
  it('finds exactly what a case-insensitive substring scan finds, for every text', () => {
    const people = randomPeople(2_000);
    const index = new PeopleIndex(people);
    for (const text of [
      'a',
      'ab',
      'abn',
      'bno',
      'rÉ',
      'éé',
      'noro',
      '.1',
      '@example',
      'zzz',
      'a b',
    ]) {
      const expected = people
        .filter((p) =>
          `${p.name}\n${p.email}`
            .toLowerCase()
            .split('\n')
            .some((s) => s.includes(text.toLowerCase())),
        )
        .map((p) => p.id)
        .sort();
      const found = findPeople(index, { search: text, includeDeparted: true, day: TODAY });
      expect(found.map((p) => p.id).sort(), text).toEqual(expected);
    }
  });

  it('orders by email, prefix matches of the name, a word of it, or the email first', () => {
    const index = new PeopleIndex([
      person(1, 'Kim Diana Lee', 'kim@x.com'),
      person(2, 'Lu Ana Berg', 'lu@x.com'),
      person(3, 'Ana Ruiz', 'ruiz@x.com'),
      person(4, 'Bo Lind', 'anabo@x.com'),
      person(5, 'Cy Hana', 'cy@x.com'),
    ]);
    const found = findPeople(index, { search: 'ANA', includeDeparted: true, day: TODAY });
    expect(found.map((p) => p.email)).toEqual([
      'anabo@x.com',
      'lu@x.com',
      'ruiz@x.com',
      'cy@x.com',
      'kim@x.com',
    ]);
  });

  it('combines the search with the other filters', () => {
    const index = new PeopleIndex([
      person(1, 'Ana One', 'a1@x.com', { managerId: 9 }),
      person(2, 'Ana Two', 'a2@x.com', { managerId: 9, departedOn: TODAY }),
      person(3, 'Ana Three', 'a3@x.com', { managerId: 8 }),
    ]);
    const ids = (filter: Partial<Parameters<typeof findPeople>[1]>) =>
      findPeople(index, { includeDeparted: false, day: TODAY, ...filter }).map((p) => p.id);
    expect(ids({ search: 'ana' })).toEqual([1, 3]);
    expect(ids({ search: 'ana', includeDeparted: true })).toEqual([1, 2, 3]);
    const managers = new Map([
      [1, 9],
      [2, 9],
      [3, 8],
    ]);
    const reportsTo = { managerId: 9, managerOf: (id: number) => managers.get(id) ?? null };
    expect(ids({ search: 'ana', reportsTo, includeDeparted: true })).toEqual([1, 2]);
    expect(ids({ ids: new Set([3]) })).toEqual([3]);
    expect(ids({ search: 'two' })).toEqual([]);
  });
});
