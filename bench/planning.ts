/**
 * Planning on the bench org: one scenario of a few moves evaluated, set beside one departure
 * impact (itself a one-change scenario). The two should cost about the same: both are the
 * org of the day, changed in memory, analysed again and compared.
 */
import { timeWarm } from './measure.js';

type Post = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

const DIFF = `coverageChanges { unit { slug } from to }
  newFindings { kind message } resolvedFindings { kind message }`;
const EVALUATE = `query BenchScenario($id: ID!) {
  node(id: $id) { ... on Scenario { evaluation { ${DIFF} } } }
}`;
const CREATE = `mutation BenchCreateScenario($input: CreateScenarioInput!) {
  createScenario(input: $input) { scenario { id } userErrors { path message } }
}`;

/** A unit of the generated org document, as `src/demo/generate.ts` writes it. */
interface BenchUnit {
  slug: string;
  layer: string;
  parent?: string;
  members?: string[];
  engLead?: { person: string };
  techLead?: { person: string };
}

/** A Team led by an Eng Lead, one of its members, and another Team to move someone into. */
function subjects(document: { units: unknown[] }) {
  const teams = (document.units as BenchUnit[]).filter((u) => u.layer === 'TEAM');
  const led = teams.find((t) => t.engLead && (t.members?.length ?? 0) > 2);
  const other = teams.find((t) => t !== led && t.parent !== led?.parent);
  const leader = led?.engLead?.person;
  const successor = led?.members?.find((m) => m !== leader && m !== led.techLead?.person);
  const mover = led?.members?.at(-1);
  if (!led || !other || !leader || !successor || !mover) throw new Error('no team to plan on');
  return { team: led.slug, other: other.slug, leader, successor, mover };
}

/** The median time of one three-change scenario's evaluation (to set beside departureImpact). */
export async function timeScenario(document: { units: unknown[] }, post: Post): Promise<number> {
  const s = subjects(document);
  const changes = [
    { depart: { person: s.leader } },
    { assignSeat: { unit: s.team, seat: 'ENG_LEAD', person: s.successor } },
    { setTeam: { person: s.mover, team: s.other } },
  ];
  const { createScenario: created } = (await post(CREATE, {
    input: { name: 'bench', changes },
  })) as { createScenario: { scenario: { id: string } | null; userErrors: unknown[] } };
  const id = created.scenario?.id;
  if (!id) throw new Error(JSON.stringify(created.userErrors));
  return timeWarm(() => post(EVALUATE, { id }), 7);
}
