import { FIRST_DAY } from '../days.js';
import { FINDING_KINDS, type FindingKind, type Severity } from '../labels.js';
import { useQuery } from '../query.js';
import { Panel, SeverityBadge } from '../ui.js';

interface PolicyAnswer {
  policy: {
    since: string;
    tlmTeamSize: number;
    longTlmDays: number;
    spanLimit: number;
    actingDays: number;
    kinds: { kind: FindingKind; severity: Severity | null; off: boolean }[];
  };
}

// `asOf` comes from the dashboard's "As of" day (useQuery adds it): the policy then in force.
const POLICY_QUERY = `query DashboardPolicy($asOf: Date) {
  policy(asOf: $asOf) {
    since tlmTeamSize longTlmDays spanLimit actingDays
    kinds { kind severity off }
  }
}`;

/** The org's policy in force on the day shown: the thresholds and the kinds it overrides. */
export function PolicyInForce() {
  const { data, error, loading } = useQuery<PolicyAnswer>(POLICY_QUERY);
  const policy = data?.policy;
  // Every kind is listed by the API; only those the policy changes are worth a line.
  const overrides = policy?.kinds.filter((k) => k.off || k.severity !== null) ?? [];
  return (
    <Panel id="policy" title="Policy in force" loading={loading} error={error}>
      {policy ? (
        <>
          <p class="muted">
            {/* From the first day the API answers for: the policy a database starts with (the
                defaults, or the environment's) or one set from that day — not always SPEC's. */}
            {policy.since === FIRST_DAY ? 'In force from the first day' : `Since ${policy.since}`}
          </p>
          <dl class="policy">
            <dt>TLM team size</dt>
            <dd>{policy.tlmTeamSize}</dd>
            <dt>Long TLM (days)</dt>
            <dd>{policy.longTlmDays}</dd>
            <dt>Span limit</dt>
            <dd>{policy.spanLimit}</dd>
            <dt>Acting (days)</dt>
            <dd>{policy.actingDays}</dd>
          </dl>
          <ul class="plain">
            {overrides.map((k) => (
              <li key={k.kind} data-kind={k.kind}>
                {FINDING_KINDS[k.kind]}:{' '}
                {k.off ? 'off' : k.severity ? <SeverityBadge severity={k.severity} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}
