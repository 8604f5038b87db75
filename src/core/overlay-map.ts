/**
 * A map read through to a base map with a few keys set or deleted on top: a changed copy
 * of a 100,000-entry map at the cost of the change, which is what lets a departure's impact
 * or a scenario change the org of the day without copying it. It iterates in the order a
 * copied `Map` would (the base's, a key set on top keeping its place, new keys last).
 * Built by `overlayOf`, it is never changed afterwards; its values are never undefined.
 */
export class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  readonly #base: ReadonlyMap<K, V>;
  readonly #top = new Map<K, V>();
  readonly #deleted = new Set<K>();
  readonly #depth: number;
  #size: number;

  constructor(base: ReadonlyMap<K, V>) {
    this.#base = base;
    this.#size = base.size;
    this.#depth = base instanceof OverlayMap ? base.#depth + 1 : 1;
  }

  /** How many overlays lie under this one: reads get slower with each. */
  get depth(): number {
    return this.#depth;
  }

  get size(): number {
    return this.#size;
  }

  // Values are never undefined (the org's maps hold rows and states), which saves a lookup.
  get(key: K): V | undefined {
    const top = this.#top.get(key);
    if (top !== undefined) return top;
    if (this.#deleted.size > 0 && this.#deleted.has(key)) return undefined;
    return this.#base.get(key);
  }

  has(key: K): boolean {
    return this.#top.has(key) || (!this.#deleted.has(key) && this.#base.has(key));
  }

  /** Only while building (see `overlayOf`). */
  set(key: K, value: V): void {
    if (!this.has(key)) this.#size++;
    this.#top.set(key, value);
  }

  /** Only while building (see `overlayOf`). */
  delete(key: K): void {
    if (!this.has(key)) return;
    this.#size--;
    this.#top.delete(key);
    if (this.#base.has(key)) this.#deleted.add(key);
  }

  // A key deleted and set again comes last, as in a Map: it stays in `#deleted` for that.
  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.#base) {
      if (this.#deleted.has(key)) continue;
      yield this.#top.has(key) ? [key, this.#top.get(key) as V] : [key, value];
    }
    for (const entry of this.#top) {
      if (!this.#base.has(entry[0]) || this.#deleted.has(entry[0])) yield entry;
    }
  }

  /**
   * The same entries one overlay deep: every layer's changes replayed in turn on one overlay
   * of the bottom map, at the cost of the changes (a trend steps 400 days, a server carries
   * its org from write to write); on a plain copy once they are a large part of it. Replayed
   * so, it orders as `entries` does (a key deleted and set again comes last).
   */
  flattened(): Map<K, V> | OverlayMap<K, V> {
    const layers: OverlayMap<K, V>[] = [];
    let bottom: ReadonlyMap<K, V> = this;
    while (bottom instanceof OverlayMap) {
      layers.unshift(bottom);
      bottom = bottom.#base;
    }
    const changed = layers.reduce((n, layer) => n + layer.#top.size + layer.#deleted.size, 0);
    const flat = changed > bottom.size * MOST_CHANGED ? new Map(bottom) : new OverlayMap(bottom);
    for (const layer of layers) {
      for (const key of layer.#deleted) flat.delete(key);
      for (const [key, value] of layer.#top) flat.set(key, value);
    }
    return flat;
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(each: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) each(value, key, this);
  }
}

/**
 * Past this many overlays the layers are flattened into one: a long-running server carries
 * the org from write to write, and reads must not slow down with every write it has seen.
 */
const MAX_DEPTH = 4;

/** Past this share of the bottom map changed, a flattened overlay is a plain copy. */
const MOST_CHANGED = 0.25;

/** `base` changed by `change` (which sets and deletes keys), as an overlay or a copy. */
export function overlayOf<K, V>(
  base: ReadonlyMap<K, V>,
  change: (map: { set(key: K, value: V): void; delete(key: K): void }) => void,
): ReadonlyMap<K, V> {
  const map =
    base instanceof OverlayMap && base.depth >= MAX_DEPTH ? base.flattened() : new OverlayMap(base);
  change(map);
  return map;
}
