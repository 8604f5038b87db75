import { resolveOffsetConnection } from '@pothos/plugin-relay';
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
  const totalCount = await count();
  const page = await resolveOffsetConnection(
    { args, defaultSize: MAX_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, totalCount },
    ({ offset, limit }) => read(offset, limit),
  );
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
