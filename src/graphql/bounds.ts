/** The options of a list argument or input field bounded to `max` items. */
export interface ListBound {
  validate: { maxLength: [number, { message: string }] };
  extensions: { maxItems: number };
}

/**
 * Bounds a list argument or input field: a longer list is refused by the zod plugin before
 * the resolver runs (so before any database work) with one error naming the argument and
 * the bound, e.g. `ids: at most 100 ids`. Every list a client sends needs one — a careless
 * script's 100,000 ids must cost one error, not 100,000 lookups — and `extensions.maxItems`
 * lets a test check that each list in the schema has it.
 */
export function atMost(max: number, items: string): ListBound {
  return {
    validate: { maxLength: [max, { message: `at most ${max} ${items}` }] },
    extensions: { maxItems: max },
  };
}
