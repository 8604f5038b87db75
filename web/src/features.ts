import { useQuery } from './query.js';
import { useUsable } from './usable.js';

// What this server's API offers beyond the first release. The page asks once (introspection)
// and shows a panel when its question exists, so it runs against older servers too.
const FEATURES_QUERY = `query DashboardFeatures { __type(name: "Query") { fields { name } } }`;

interface FeaturesAnswer {
  __type: { fields: { name: string }[] } | null;
}

export interface Features {
  /** `coverageTrend` (SPEC §2 "Coverage over time"): the trend chart. */
  trend: boolean;
}

export function useFeatures(): Features {
  const { data } = useQuery<FeaturesAnswer>(FEATURES_QUERY, useUsable() ? {} : null);
  const fields = new Set(data?.__type?.fields.map((f) => f.name));
  return { trend: fields.has('coverageTrend') };
}
