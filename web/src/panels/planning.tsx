import { useMemo } from 'preact/hooks';
import { useQuery } from '../query.js';
import { useUsable } from '../usable.js';
import { BENCH_QUERY, type BenchAnswer, SuccessionBench } from './bench.js';
import { WhatIf } from './what-if.js';

const VIEWER_SCOPE = `query DashboardScope { viewer { role scope { slug } } }`;

interface ScopeAnswer {
  viewer: { role: string | null; scope: { slug: string } | null };
}

/**
 * The confidential panels: the bench and "what if X left?". They show only when the
 * server lets this token read the bench (PLANNER or ADMIN); for others they are absent. A
 * scoped token's bench is its scope's: the whole org's would be refused.
 */
export function Planning() {
  const who = useQuery<ScopeAnswer>(VIEWER_SCOPE, useUsable() ? {} : null);
  const scope = who.data?.viewer.scope?.slug ?? null;
  // A VIEWER is not asked the bench: each refusal was a FORBIDDEN in the server's log and
  // error metrics, once a page load and once a live refresh, for every open page.
  const reads = who.data && who.data.viewer.role !== 'VIEWER';
  // A scoped token's bench is its scope's; another's, the scope picked for the page (if any).
  const asked = scope ? { scope } : {};
  const { data, error, loading } = useQuery<BenchAnswer>(BENCH_QUERY, reads ? asked : null);
  const bench = data?.successionBench ?? [];
  const holders = useMemo(() => {
    const byEmail = new Map(
      bench.flatMap((row) => (row.holder ? [[row.holder.email, row.holder]] : [])),
    );
    return [...byEmail.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [bench]);
  if (!reads || error?.code === 'FORBIDDEN' || (!data && !error)) return null;
  return (
    <>
      <WhatIf people={holders} />
      <SuccessionBench bench={bench} loading={loading} error={error} />
    </>
  );
}
