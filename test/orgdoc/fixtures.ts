import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database.js';
import type { OrgSections } from '../../src/orgdoc/document.js';

export const TODAY = '2026-10-01';

/** The example of SPEC §3, as the parser would return it. */
export function specDocument(): OrgSections {
  return {
    people: [
      { email: 'bo@example.com', name: 'Bo Lind', title: 'Pillar Eng Lead', level: 'M5' },
      {
        email: 'cy@example.com',
        name: 'Cy Park',
        title: 'Pillar Tech Lead',
        level: 'L7',
        manager: 'bo@example.com',
      },
      {
        email: 'ana@example.com',
        name: 'Ana Ruiz',
        title: 'Engineering Manager',
        level: 'M2',
        manager: 'bo@example.com',
        startedOn: '2021-03-01',
      },
      {
        email: 'dee@example.com',
        name: 'Dee Okafor',
        title: 'Tech Lead',
        manager: 'ana@example.com',
      },
      { email: 'eli@example.com', name: 'Eli Stone', manager: 'ana@example.com' },
    ],
    units: [
      {
        slug: 'platform',
        name: 'Platform',
        layer: 'PILLAR',
        engLead: 'bo@example.com',
        techLead: 'cy@example.com',
      },
      { slug: 'infra', name: 'Infrastructure', layer: 'AREA', parent: 'platform' },
      {
        slug: 'storage',
        name: 'Storage',
        layer: 'TEAM',
        parent: 'infra',
        engLead: 'ana@example.com',
        techLead: 'dee@example.com',
        members: ['dee@example.com', 'eli@example.com'],
      },
    ],
    aors: [
      {
        slug: 'blob-store',
        name: 'Blob store',
        unit: 'storage',
        criticality: 'HIGH',
        owner: 'dee@example.com',
        backups: ['eli@example.com'],
      },
    ],
    succession: [
      { unit: 'storage', seat: 'TECH_LEAD', candidate: 'eli@example.com', readiness: 'READY_SOON' },
    ],
    openRoles: [{ unit: 'infra', seat: 'TECH_LEAD', status: 'OPEN', openedOn: '2026-09-01' }],
  };
}

const TABLES = [
  'person',
  'unit',
  'seat_assignment',
  'team_membership',
  'aor',
  'aor_ownership',
  'succession_candidate',
  'open_role',
] as const;

/** Row count of every org table (history rows included). */
export async function tableCounts(db: Db): Promise<Record<(typeof TABLES)[number], number>> {
  const counts = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n);
  }
  return counts;
}

/** Runs a query and returns its rows (pg and PGlite both answer `{ rows }`). */
export async function rows<R>(db: Db, query: ReturnType<typeof sql>): Promise<R[]> {
  return ((await db.execute(query)) as unknown as { rows: R[] }).rows;
}
