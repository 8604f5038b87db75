import { useState } from 'preact/hooks';
import { FINDING_KINDS, type FindingKind, plural, SEVERITIES, type Severity } from '../labels.js';
import { PAGE_SIZE, type PageInfo, Pager, usePages } from '../pages.js';
import { useQuery } from '../query.js';
import { Panel, SeverityBadge, UnitLink } from '../ui.js';
import { useShown } from '../usable.js';

export interface FindingRow {
  kind: FindingKind;
  severity: Severity;
  message: string;
  unit: { slug: string; name: string };
}

interface FindingsAnswer {
  singlePointsOfFailure: { totalCount: number; nodes: FindingRow[]; pageInfo: PageInfo };
  viewer: { role: string | null };
}

/** Kinds that reveal candidates: the API refuses them, asked by name, below PLANNER. */
const PLANNERS_ONLY: ReadonlySet<string> = new Set(['SUCCESSOR_CONCENTRATION']);

// A page of 100 (the API's largest), the pages before and after a button away.
const FINDINGS_QUERY = `query DashboardFindings($asOf: Date, $scope: String, $kinds: [FindingKind!], $minSeverity: Severity, $after: String) {
  singlePointsOfFailure(asOf: $asOf, scope: $scope, kinds: $kinds, minSeverity: $minSeverity, first: ${PAGE_SIZE}, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { kind severity message unit { slug name } }
  }
  viewer { role }
}`;

export function Findings() {
  const [minSeverity, setMinSeverity] = useState<Severity | ''>('');
  const [kind, setKind] = useState<FindingKind | ''>('');
  const pages = usePages(`${minSeverity}|${kind}`);
  const { data, error, loading } = useQuery<FindingsAnswer>(FINDINGS_QUERY, {
    minSeverity: minSeverity || null,
    kinds: kind ? [kind] : null,
    after: pages.after,
  });
  const found = data?.singlePointsOfFailure;
  useShown('findings', found !== undefined);
  const role = data?.viewer.role;
  const planner = role === 'PLANNER' || role === 'ADMIN';
  const kinds = Object.entries(FINDING_KINDS).filter(([k]) => planner || !PLANNERS_ONLY.has(k));
  return (
    <Panel id="findings" title="Findings" loading={loading} error={error}>
      <div class="toolbar">
        <label>
          Severity{' '}
          <select
            value={minSeverity}
            onChange={(e) => setMinSeverity(e.currentTarget.value as Severity | '')}
          >
            <option value="">Any</option>
            {SEVERITIES.map((s) => (
              <option value={s} key={s}>
                {s === 'CRITICAL' ? 'CRITICAL only' : `${s} or worse`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind{' '}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as FindingKind | '')}>
            <option value="">Any</option>
            {kinds.map(([value, label]) => (
              <option value={value} key={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p aria-live="polite" class="count">
        {found ? plural(found.totalCount, 'finding') : ''}
      </p>
      <FindingList findings={found?.nodes ?? []} />
      <Pager pages={pages} list={found} />
    </Panel>
  );
}

/** Findings, each with its severity in words and a link to its unit in the tree. */
export function FindingList({ findings }: { findings: FindingRow[] }) {
  return (
    <ul class="findings">
      {findings.map((finding, i) => (
        <li key={`${finding.kind}-${finding.unit.slug}-${i}`} data-kind={finding.kind}>
          <SeverityBadge severity={finding.severity} />{' '}
          <span class="kind">{FINDING_KINDS[finding.kind]}</span> · <UnitLink unit={finding.unit} />
          <div class="message">{finding.message}</div>
        </li>
      ))}
    </ul>
  );
}
