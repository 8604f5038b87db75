import { useContext, useEffect, useState } from 'preact/hooks';
import { AskingContext } from './query.js';

/** The API's largest page, which the lists ask. */
export const PAGE_SIZE = 100;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Which page of a list is shown, as the cursors that reach it: back to the first whenever
 * `filters` or the day asked change (a cursor is a place in one list).
 */
export function usePages(filters: string) {
  const { asOf, scope } = useContext(AskingContext);
  const key = `${asOf}|${scope}|${filters}`;
  const [state, setState] = useState({ key, cursors: [null] as (string | null)[] });
  const cursors = state.key === key ? state.cursors : [null];
  const page = cursors.length - 1;
  return {
    page,
    after: cursors[page] ?? null,
    next: (cursor: string) => setState({ key, cursors: [...cursors, cursor] }),
    previous: () => setState({ key, cursors: cursors.slice(0, -1) }),
    /** Back to `page`, a page before this one (each cursor is a place: the earlier stay). */
    backTo: (page: number) => setState({ key, cursors: cursors.slice(0, page + 1) }),
  };
}

type Pages = ReturnType<typeof usePages>;

/** A page of a list as the API answers it. */
interface Connection {
  totalCount: number;
  nodes: unknown[];
  pageInfo: PageInfo;
}

/** "101–200 of 4,920", with the buttons to the pages before and after; none for one page. */
export function Pager({ pages, list }: { pages: Pages; list: Connection | undefined }) {
  useLastPageAtMost(pages, list);
  if (!list || (pages.page === 0 && !list.pageInfo.hasNextPage)) return null;
  const { totalCount: total, nodes, pageInfo: info } = list;
  const shown = nodes.length;
  const from = pages.page * PAGE_SIZE + 1;
  return (
    <div class="toolbar pager">
      <span aria-live="polite">
        {from}–{from + shown - 1} of {total.toLocaleString('en')}
      </span>
      <button type="button" disabled={pages.page === 0} onClick={pages.previous}>
        Previous {PAGE_SIZE}
      </button>
      <button
        type="button"
        disabled={!info.hasNextPage || !info.endCursor}
        onClick={() => info.endCursor && pages.next(info.endCursor)}
      >
        Next {PAGE_SIZE}
      </button>
    </div>
  );
}

/**
 * A list that shrank under the page shown (a live refresh after writes elsewhere) is shown
 * from its last page: the page past its end read "401–400 of 394" over nothing.
 */
function useLastPageAtMost({ page, backTo }: Pages, list: Connection | undefined) {
  const total = list?.totalCount;
  useEffect(() => {
    if (total === undefined || page === 0 || page * PAGE_SIZE < total) return;
    backTo(Math.max(0, Math.ceil(total / PAGE_SIZE) - 1));
  }, [page, total, backTo]);
}
