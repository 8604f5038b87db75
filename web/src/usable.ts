import { useEffect } from 'preact/hooks';

// The parts a person needs before the page is of use; the trend or the bench can follow.
const waiting = new Set(['tree', 'rollup', 'findings']);

/** The name of the performance mark set when the page first became usable. */
export const USABLE_MARK = 'orgraph:usable';

/** Records that `part` showed its first answer; the last one marks the page usable. */
export function useShown(part: string, shown: boolean): void {
  useEffect(() => {
    if (shown && waiting.delete(part) && waiting.size === 0) performance.mark(USABLE_MARK);
  }, [part, shown]);
}
