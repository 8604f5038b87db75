import { useEffect, useState } from 'preact/hooks';
import type { Trend as TrendPanel } from './trend.js';

/**
 * The trend panel, fetched only when shown: the chart library is most of the bundle, and
 * the page is usable without it.
 */
export function Trend({ asOf }: { asOf: string }) {
  const [Panel, setPanel] = useState<typeof TrendPanel | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./trend.js').then(
      (module) => setPanel(() => module.Trend),
      () => setFailed(true),
    );
  }, []);
  // Its code could not be fetched (the server went away): said, not a panel gone missing.
  if (failed) return <p role="alert">The coverage trend could not be loaded: refresh the page.</p>;
  return Panel ? <Panel asOf={asOf} /> : null;
}
