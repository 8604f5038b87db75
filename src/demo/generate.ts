/**
 * A deterministic org generator for benchmarks and the statement-count tests: the same
 * size and seed always give the same document, with every coverage status and finding
 * kind represented in realistic proportions.
 */

export interface OrgSize {
  teams: number;
  /** People per team, the Eng Lead included. */
  teamSize: number;
  teamsPerArea: number;
  areasPerPillar: number;
}

export const SIZES = {
  XS: { teams: 40, teamSize: 6, teamsPerArea: 5, areasPerPillar: 4 },
  S: { teams: 500, teamSize: 8, teamsPerArea: 5, areasPerPillar: 5 },
  M: { teams: 2_000, teamSize: 10, teamsPerArea: 5, areasPerPillar: 5 },
  // ~100k people, 100 pillars (a whole tree is one page): the scale of the performance goals.
  L: { teams: 14_000, teamSize: 7, teamsPerArea: 7, areasPerPillar: 20 },
} satisfies Record<string, OrgSize>;

/** mulberry32: tiny, fast and good enough to pick deterministic variety. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Doc = {
  people: Record<string, unknown>[];
  units: Record<string, unknown>[];
  aors: Record<string, unknown>[];
  succession: Record<string, unknown>[];
  openRoles: Record<string, unknown>[];
};

const email = (n: number) => `p${n}@example.com`;
const pad = (n: number) => String(n).padStart(4, '0');

export function generateOrg(size: OrgSize): Doc {
  // One seed: every size is the same org on every machine, so benches compare like with like.
  const rnd = random(42);
  const doc: Doc = { people: [], units: [], aors: [], succession: [], openRoles: [] };
  let next = 0;
  const person = (title: string, manager?: string) => {
    const e = email(next++);
    doc.people.push({ email: e, name: `Person ${next}`, title, ...(manager ? { manager } : {}) });
    return e;
  };
  const areas = Math.ceil(size.teams / size.teamsPerArea);
  const pillars = Math.ceil(areas / size.areasPerPillar);
  const vp = person('VP Engineering');
  const leadsOf = (slug: string, el: string | null, tl: string | null) => ({
    ...(el ? { engLead: { person: el, since: '2024-01-15' } } : {}),
    ...(tl ? { techLead: { person: tl, since: '2024-03-01' } } : {}),
    slug,
  });

  for (let p = 0; p < pillars; p++) {
    const pillar = `pillar-${pad(p)}`;
    const pel = person('Pillar Eng Lead', vp);
    const ptl = rnd() < 0.8 ? person('Pillar Tech Lead', pel) : null;
    doc.units.push({ name: `Pillar ${p}`, layer: 'PILLAR', ...leadsOf(pillar, pel, ptl) });
    for (let a = 0; a < size.areasPerPillar && p * size.areasPerPillar + a < areas; a++) {
      const area = `area-${pad(p * size.areasPerPillar + a)}`;
      const ael = rnd() < 0.9 ? person('Area Eng Lead', pel) : null;
      const atl = rnd() < 0.7 ? person('Area Tech Lead', ael ?? pel) : null;
      doc.units.push({
        name: `Area ${area}`,
        layer: 'AREA',
        parent: pillar,
        ...leadsOf(area, ael, atl),
      });
      addTeams(area, ael ?? pel);
    }
  }

  function addTeams(area: string, manager: string) {
    const first = Number(area.slice(5)) * size.teamsPerArea;
    for (let t = first; t < Math.min(first + size.teamsPerArea, size.teams); t++) {
      const team = `team-${pad(t)}`;
      // One team in 20 has lost its Eng Lead (and is hiring one); of the others ~75% are
      // staffed and the rest TLM (some beyond the threshold).
      const el = t % 20 === 7 ? null : person('Engineering Manager', manager);
      const members = Array.from({ length: size.teamSize - 1 }, () =>
        person('Engineer', el ?? manager),
      );
      const tl = !el || rnd() < 0.78 ? (members[0] ?? null) : null;
      doc.units.push({
        name: `Team ${t}`,
        layer: 'TEAM',
        parent: area,
        members,
        ...leadsOf(team, el, tl),
      });
      addTeamExtras(team, members, el);
    }
  }

  function addTeamExtras(team: string, members: string[], el: string | null) {
    const [owner, backup, candidate] = [members[1], members[2], members[3]];
    doc.aors.push({
      slug: `${team}-service`,
      name: `${team} service`,
      unit: team,
      criticality: rnd() < 0.3 ? 'HIGH' : 'MEDIUM',
      ...(rnd() < 0.9 && owner ? { owner } : {}),
      ...(rnd() < 0.6 && backup ? { backups: [backup] } : {}),
    });
    if (candidate && el && rnd() < 0.6) {
      const readiness = rnd() < 0.5 ? 'READY_NOW' : 'READY_SOON';
      doc.succession.push({ unit: team, seat: 'ENG_LEAD', candidate, readiness });
    }
    if (!el) doc.openRoles.push({ unit: team, seat: 'ENG_LEAD', status: 'OPEN' });
  }
  return doc;
}
