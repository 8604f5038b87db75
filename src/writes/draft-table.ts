/** A key a draft table is indexed by: a slug, an email, an id, `unitId:seat`… */
export type IndexKey = string | number | null;

type Row = { id: number };
const rowId = (row: Row) => row.id;
type Bucket<R> = Map<IndexKey, R[]>;

// Indexes over a base array are built once and shared by every draft over the same
// snapshot: the base never changes, so a write pays for an index only after the org did.
const baseIndexes = new WeakMap<readonly Row[], Map<string, Bucket<Row>>>();

function baseIndex<R extends Row>(
  rows: readonly R[],
  name: string,
  keyOf: (row: R) => IndexKey,
): Bucket<R> {
  let byName = baseIndexes.get(rows);
  if (!byName) {
    byName = new Map();
    baseIndexes.set(rows, byName);
  }
  let bucket = byName.get(name) as Bucket<R> | undefined;
  if (!bucket) {
    bucket = new Map();
    for (const row of rows) {
      const key = keyOf(row);
      const list = bucket.get(key);
      if (list) list.push(row);
      else bucket.set(key, [row]);
    }
    byName.set(name, bucket as Bucket<Row>);
  }
  return bucket;
}

/**
 * One table of a draft: the snapshot's rows (never modified: readers share them) plus the
 * draft's own inserted and updated rows, with lookups by id and by named indexes that see
 * both. A row the draft touched is one object from then on, updated in place, so every
 * reference a write returns stays current until the draft is saved.
 */
export class DraftTable<R extends Row, I extends string = string> {
  private readonly own = new Map<number, R>();
  private readonly inserted = new Set<number>();
  // Sets, not arrays: a row leaves its bucket in constant time however full the bucket (all
  // the new people of an HR export share the key "no manager" until they get one).
  private readonly overlay = new Map<I, Map<IndexKey, Set<R>>>();

  constructor(
    private readonly base: readonly R[],
    private readonly indexes: Record<I, (row: R) => IndexKey>,
    private readonly nextId: () => number,
    /** Told of every real change, so a draft can tell whether a write changed anything. */
    private readonly changedOne: () => void = () => {},
  ) {}

  /** The row with this id as the draft sees it. */
  get(id: number): R | undefined {
    return this.own.get(id) ?? this.original(id);
  }

  /** The rows whose `index` key is `key` now. */
  where(index: I, key: IndexKey): R[] {
    const rows: R[] = [];
    for (const row of baseIndex(this.base, index, this.indexes[index]).get(key) ?? []) {
      if (!this.own.has(row.id)) rows.push(row);
    }
    for (const row of this.overlay.get(index)?.get(key) ?? []) rows.push(row);
    return rows;
  }

  /** The one row whose `index` key is `key`, if any (slugs, emails). */
  find(index: I, key: IndexKey): R | undefined {
    return this.where(index, key)[0];
  }

  insert(values: Omit<R, 'id'>): R {
    const row = { ...values, id: this.nextId() } as R;
    this.inserted.add(row.id);
    this.own.set(row.id, row);
    this.addToOverlay(row);
    this.changedOne();
    return row;
  }

  /** The row with `patch` applied; the same row when nothing differs. */
  update(row: R, patch: Partial<Omit<R, 'id'>>): R {
    const current = this.get(row.id);
    if (!current) throw new Error(`draft: no row ${row.id} to update`);
    const keys = Object.keys(patch) as (keyof R)[];
    if (keys.every((key) => current[key] === (patch as R)[key])) return current;
    this.changedOne();
    if (this.own.get(current.id) === current) {
      this.removeFromOverlay(current);
      Object.assign(current, patch);
      this.addToOverlay(current);
      return current;
    }
    const next = { ...current, ...patch } as R;
    this.own.set(next.id, next);
    this.addToOverlay(next);
    return next;
  }

  /** The row as the snapshot has it (undefined for a row this draft created). */
  original(id: number): R | undefined {
    return baseIndex(this.base, 'id', rowId).get(id)?.[0];
  }

  /** Rows this draft created. */
  get inserts(): R[] {
    return [...this.inserted].map((id) => this.own.get(id) as R);
  }

  /** Snapshot rows this draft changed, as they are now. */
  get updates(): R[] {
    return [...this.own].filter(([id]) => !this.inserted.has(id)).map(([, row]) => row);
  }

  get changed(): boolean {
    return this.own.size > 0;
  }

  /** Every row as the draft sees it: the snapshot's with the draft's changes applied. */
  rows(): R[] {
    if (!this.changed) return this.base as R[];
    return [...this.base.map((row) => this.own.get(row.id) ?? row), ...this.inserts];
  }

  private addToOverlay(row: R): void {
    for (const index of Object.keys(this.indexes) as I[]) {
      let bucket = this.overlay.get(index);
      if (!bucket) {
        bucket = new Map();
        this.overlay.set(index, bucket);
      }
      const key = this.indexes[index](row);
      const rows = bucket.get(key);
      if (rows) rows.add(row);
      else bucket.set(key, new Set([row]));
    }
  }

  private removeFromOverlay(row: R): void {
    for (const index of Object.keys(this.indexes) as I[]) {
      this.overlay.get(index)?.get(this.indexes[index](row))?.delete(row);
    }
  }
}
