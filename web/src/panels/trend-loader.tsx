import { useEffect, useState } from 'preact/hooks';
import type { Trend as TrendPanel } from './trend.js';

/**
 * The trend panel, fetched only when shown: the chart library is most of the bundle, and
 * the page is usable without it.
 */
export function Trend({ asOf }: { asOf: string }) {
  const [Panel, setPanel] = useState<typeof TrendPanel | null>(null);
  useEffect(() => {
    import('./trend.js').then((module) => setPanel(() => module.Trend));
  }, []);
  return Panel ? <Panel asOf={asOf} /> : null;
}
