import { type CoverageStatus, plural } from '../labels.js';
import { PAGE_SIZE, type PageInfo, Pager, usePages } from '../pages.js';
import { useQuery } from '../query.js';
import { Panel, personName, StatusBadge, UnitLink } from '../ui.js';

interface TeamRow {
  slug: string;
  name: string;
  parent: { name: string } | null;
  coverage: {
    status: CoverageStatus;
    healthy: boolean;
    engineerCount: number;
    hiring: boolean;
    engLead: { holder: { name: string } | null };
  };
}

interface NoTechLeadAnswer {
  teamsWithoutTechLead: { totalCount: number; nodes: TeamRow[]; pageInfo: PageInfo };
}

const NO_TECH_LEAD_QUERY = `query DashboardNoTechLead($asOf: Date, $scope: String, $after: String) {
  teamsWithoutTechLead(asOf: $asOf, scope: $scope, first: ${PAGE_SIZE}, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      slug name parent { name }
      coverage(asOf: $asOf) { status healthy engineerCount hiring engLead { holder { name } } }
    }
  }
}`;

export function TeamsWithoutTechLead() {
  const pages = usePages('');
  const { data, error, loading } = useQuery<NoTechLeadAnswer>(NO_TECH_LEAD_QUERY, {
    after: pages.after,
  });
  const teams = data?.teamsWithoutTechLead;
  return (
    <Panel id="no-tech-lead" title="Teams without a Tech Lead" loading={loading} error={error}>
      {teams && teams.totalCount === 0 ? <p>Every team has a Tech Lead.</p> : null}
      {teams && teams.totalCount > 0 ? (
        <p aria-live="polite" class="count">
          {plural(teams.totalCount, 'team')} without a Tech Lead
        </p>
      ) : null}
      <ul class="plain">
        {teams?.nodes.map((team) => (
          <li key={team.slug}>
            <UnitLink unit={team} />
            {team.parent ? <span class="muted"> in {team.parent.name}</span> : null}{' '}
            <StatusBadge status={team.coverage.status} healthy={team.coverage.healthy} />
            {team.coverage.hiring ? <span class="badge hiring">hiring</span> : null}
            <div class="leads">
              Eng Lead: {personName(team.coverage.engLead.holder)} ·{' '}
              {plural(team.coverage.engineerCount, 'engineer')}
            </div>
          </li>
        ))}
      </ul>
      <Pager pages={pages} list={teams} />
    </Panel>
  );
}
