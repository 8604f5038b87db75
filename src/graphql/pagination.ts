import { createHash } from 'node:crypto';
import { cursorToOffset, offsetToCursor, resolveOffsetConnection } from '@pothos/plugin-relay';
import { badArgument } from './arg-lookups.js';
import { MAX_PAGE_SIZE } from './builder.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * What a list's cursors are bound to: the list (`people`), the arguments that choose its items
 * (`layer`, `search`…) and, for a list of the org on a day, that day (or a period). A cursor
 * is honoured only by the list it came from, so chosen, on its day: a list never mixes days,
 * so page two of another day is refused rather than shifted, and an offset into
 * `units(layer: TEAM)` is no position in `units`.
 */
export interface ListOf {
  list: string;
  day?: string;
  chosenBy?: Record<string, unknown>;
}

/**
 * The list as its cursors name it, worked out once a page: its name with a digest of the
 * arguments that chose its items, and its day.
 */
function named({ list, day, chosenBy = {} }: ListOf): ListOf {
  const given = Object.entries(chosenBy)
    .filter(([, value]) => value != null)
    .sort(([a], [b]) => a.localeCompare(b));
  if (given.length === 0) return { list, day };
  const digest = createHash('sha256').update(JSON.stringify(given)).digest('base64url');
  return { list: `${list}~${digest.slice(0, 12)}`, day };
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
  list: ListOf,
) {
  const of = named(list);
  const plain = {
    ...args,
    after: offsetCursor(args.after, 'after', of),
    before: offsetCursor(args.before, 'before', of),
  };
  const totalCount = await count();
  const page = await resolveOffsetConnection(
    { args: plain, defaultSize: MAX_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, totalCount },
    ({ offset, limit }) => read(offset, limit),
  );
  for (const edge of page.edges) {
    if (edge) edge.cursor = cursorOf(cursorToOffset(edge.cursor), of);
  }
  // Relay: the cursors of the first and last edge; a page without edges has neither (the
  // plugin would hand out positions around it, `endCursor` one before the start).
  page.pageInfo = {
    ...page.pageInfo,
    startCursor: page.edges[0]?.cursor ?? null,
    endCursor: page.edges.at(-1)?.cursor ?? null,
  };
  return { ...page, totalCount };
}

/** One page of a list already in memory (analysis answers), paged like the SQL ones. */
export function arrayPage<T>(args: PageArgs, items: readonly T[], of: ListOf) {
  return sqlPage(
    args,
    async () => items.length,
    async (offset, limit) => items.slice(offset, offset + limit),
    of,
  );
}

/** The most digits an offset a list hands out can have (a safe integer's). */
const OFFSET_DIGITS = /^(0|[1-9]\d{0,15})$/;

/** The cursor of an offset in a list, bound to the list (and its day). */
const cursorOf = (offset: number, of: ListOf) =>
  Buffer.from(`orgraph:${of.list}:${of.day ?? ''}:${offset}`).toString('base64url');

/**
 * A cursor is only ever one this server handed out for this list: the relay plugin's reader
 * would take any base64 text, read `-5` from the list's end and `1e9` as 1, and its errors
 * name its own prefix. So the cursor must decode to an offset whose cursor is exactly the one
 * given; anything else is bad input naming the argument, before the list is read. An offset
 * past the list's end is a cursor of a list that has since shrunk: an empty page, not an
 * error. A cursor of the same list on another day is told as such. Answers the plugin's
 * cursor.
 */
function offsetCursor(cursor: string | null | undefined, argument: string, of: ListOf) {
  if (cursor == null) return cursor;
  const text = Buffer.from(cursor, 'base64url').toString('latin1');
  const [digits = '', day = '', list] = text.split(':').reverse();
  const offset = OFFSET_DIGITS.test(digits) ? Number(digits) : Number.NaN;
  const handedOut = (by: ListOf) => Number.isSafeInteger(offset) && cursorOf(offset, by) === cursor;
  if (handedOut(of)) return offsetToCursor(offset);
  if (list === of.list && handedOut({ list, day })) {
    const asked = `${day || 'no day'}, not ${of.day ?? 'no day'}`;
    const message = `a cursor of this list on ${asked}: a list never mixes days (ask its first page again)`;
    throw badArgument(argument, message);
  }
  throw badArgument(argument, 'not a cursor of this list');
}
