import { useEffect, useState } from 'preact/hooks';

// The parts a person needs before the page is of use; the trend or the bench can follow.
const waiting = new Set(['tree', 'rollup', 'findings']);
const onUsable = new Set<() => void>();

/** The name of the performance mark set when the page first became usable. */
const USABLE_MARK = 'orgraph:usable';

/** Records that `part` showed its first answer; the last one marks the page usable. */
export function useShown(part: string, shown: boolean): void {
  useEffect(() => {
    if (!shown || !waiting.delete(part) || waiting.size > 0) return;
    performance.mark(USABLE_MARK);
    for (const listener of onUsable) listener();
  }, [part, shown]);
}

/**
 * Whether the page has become usable: questions that can wait ask only then, so the server
 * (one process, often one embedded database) answers the tree, rollup and findings first.
 */
export function useUsable(): boolean {
  const [usable, setUsable] = useState(waiting.size === 0);
  useEffect(() => {
    const listener = () => setUsable(true);
    onUsable.add(listener);
    return () => {
      onUsable.delete(listener);
    };
  }, []);
  return usable;
}
