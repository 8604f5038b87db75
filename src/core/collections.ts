/**
 * Groups rows by a key, keeping their order: the snapshot indexes history rows with it, and
 * the export its rows.
 */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) appendTo(groups, key(row), row);
  return groups;
}

/** The first row of each key, in order: the export's one holder a seat, its one role under way. */
export function firstOfEach<T>(rows: readonly T[], key: (row: T) => unknown[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const k = key(row).join(':');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Adds a value to the list kept under a key. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The value of `key` in `map`, worked out by `compute` if missing, kept as the last one
 * asked: past `limit` entries, those asked longest ago are dropped (a Map iterates in the
 * order of insertion, so an entry set again moves to the end).
 */
export function recentlyAsked<K, V>(
  map: Map<K, V>,
  key: K,
  limit: number,
  compute: (key: K) => V,
): V {
  const value = map.has(key) ? (map.get(key) as V) : compute(key);
  map.delete(key);
  map.set(key, value);
  for (const old of map.keys()) {
    if (map.size <= limit) break;
    map.delete(old);
  }
  return value;
}

/**
 * Words joined by commas, in lines of at most 80 characters starting with `indent`: the
 * lists of a help text (finding kinds, settings).
 */
export function wrapped(words: string[], indent: string): string[] {
  const lines = [indent];
  for (const [i, word] of words.entries()) {
    const text = i < words.length - 1 ? `${word}, ` : word;
    if (`${lines.at(-1)}${text}`.trimEnd().length > 78) lines.push(indent);
    lines[lines.length - 1] += text;
  }
  return lines.map((line) => line.trimEnd());
}
