import { offsetToCursor, resolveOffsetConnection } from '@pothos/plugin-relay';
import { badArgument } from './arg-lookups.js';
import { MAX_PAGE_SIZE } from './builder.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * One page of a list that lives in SQL: a count and one offset/limit read, so a page costs
 * two statements whatever its size. Cursors are opaque offsets. Without `first` a page is
 * full (100): a dashboard asking `units(layer: PILLAR)` gets every pillar of a real org, and
 * `totalCount`/`pageInfo` say when there is more.
 */
export async function sqlPage<T>(
  args: PageArgs,
  count: () => Promise<number>,
  read: (offset: number, limit: number) => Promise<T[]>,
) {
  checkCursor(args.after, 'after');
  checkCursor(args.before, 'before');
  const totalCount = await count();
  const page = await resolveOffsetConnection(
    { args, defaultSize: MAX_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, totalCount },
    ({ offset, limit }) => read(offset, limit),
  );
  // Relay: the cursors of the first and last edge; a page without edges has neither (the
  // plugin would hand out positions around it, `endCursor` one before the start).
  if (page.edges.length === 0) {
    page.pageInfo = { ...page.pageInfo, startCursor: null, endCursor: null };
  }
  return { ...page, totalCount };
}

/** One page of a list already in memory (analysis answers), paged like the SQL ones. */
export function arrayPage<T>(args: PageArgs, items: readonly T[]) {
  return sqlPage(
    args,
    async () => items.length,
    async (offset, limit) => items.slice(offset, offset + limit),
  );
}

/** The most digits an offset a list hands out can have (a safe integer's). */
const OFFSET_DIGITS = /^(0|[1-9]\d{0,15})$/;

/**
 * A cursor is only ever one this server handed out: the relay plugin's reader would take any
 * base64 text, read `-5` from the list's end and `1e9` as 1, and its errors name its own
 * prefix. So the cursor must decode to an offset whose cursor is exactly the one given;
 * anything else is bad input naming the argument, before the list is read. An offset past
 * the list's end is a cursor of a list that has since shrunk: an empty page, not an error.
 */
function checkCursor(cursor: string | null | undefined, argument: 'after' | 'before'): void {
  if (cursor == null) return;
  const digits = Buffer.from(cursor, 'base64').toString('latin1').split(':').at(-1) ?? '';
  const offset = OFFSET_DIGITS.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offsetToCursor(offset) !== cursor) {
    throw badArgument(argument, 'not a cursor of this list');
  }
}
