/** The options of a list argument or input field bounded to `max` items. */
export interface ListBound {
  validate: { maxLength: [number, { message: string }] };
  extensions: { maxItems: number; items: string };
}

/**
 * Bounds a list argument or input field: a longer list is refused by the zod plugin before
 * the resolver runs (so before any database work) with one error naming the argument and
 * the bound, e.g. `ids: at most 100 ids`. Every list a client sends needs one — a careless
 * script's 100,000 ids must cost one error, not 100,000 lookups. `extensions` lets the
 * server refuse a long list in the variables before graphql-js even coerces it
 * (src/server/list-guard.ts), and a test check that each list in the schema has a bound.
 */
export function atMost(max: number, items: string): ListBound {
  return {
    validate: { maxLength: [max, { message: tooMany(max, items) }] },
    extensions: { maxItems: max, items },
  };
}

/** The words of a bound: `at most 100 ids`. */
export function tooMany(max: number, items: string): string {
  return `at most ${max} ${items}`;
}

/** The bound a field or argument declares through `atMost`, if any. */
export function boundOf(extensions: Readonly<Record<string, unknown>> | null | undefined) {
  const max = extensions?.maxItems;
  const items = extensions?.items;
  return typeof max === 'number' && typeof items === 'string' ? { max, items } : undefined;
}
