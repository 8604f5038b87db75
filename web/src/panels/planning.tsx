import { useMemo } from 'preact/hooks';
import { useQuery } from '../query.js';
import { useUsable } from '../usable.js';
import { BENCH_QUERY, type BenchAnswer, SuccessionBench } from './bench.js';
import { WhatIf } from './what-if.js';

/**
 * The confidential panels: the bench and "what if X left?". They show only when the
 * server lets this token read the bench (PLANNER or ADMIN); for others they are absent.
 */
export function Planning() {
  const { data, error, loading } = useQuery<BenchAnswer>(BENCH_QUERY, useUsable() ? {} : null);
  const bench = data?.successionBench ?? [];
  const holders = useMemo(() => {
    const byEmail = new Map(
      bench.flatMap((row) => (row.holder ? [[row.holder.email, row.holder]] : [])),
    );
    return [...byEmail.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [bench]);
  if (error?.code === 'FORBIDDEN' || (!data && !error)) return null;
  return (
    <>
      <WhatIf people={holders} />
      <SuccessionBench bench={bench} loading={loading} error={error} />
    </>
  );
}
