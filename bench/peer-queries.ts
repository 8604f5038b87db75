/**
 * The bench's peer queries as PostGraphile (bench/peer) answers them: the same fields as
 * orgraph's (queries.ts, tree.ts), in PostGraphile's shape. Lists are connections with
 * `nodes`; a unit's leads and coverage are its `state` (the view `peer.unit_state`); one unit
 * by slug is `allUnits(condition:)`, since the slug has a unique index, not a constraint.
 */
import {
  NO_TECH_LEAD_QUERY,
  PERSON_QUERY,
  PERSON_VARIABLES,
  SEARCH_QUERY,
  TEAM_QUERY,
} from './queries.js';
import { TREE_QUERY } from './tree.js';

/** The root fields the peer answers (each query asks one of them). */
interface PeerAnswer {
  pillars: { nodes: unknown[] };
  allUnits: { nodes: unknown[] };
  personByEmail: unknown;
  searchPeople: unknown;
}

/** One query of the comparison: orgraph's and the peer's, asked with the same variables. */
export interface PeerQuery {
  name: string;
  orgraph: string;
  peer: string;
  variables?: Record<string, unknown>;
  /** The peer's answer in orgraph's shape, to check both answer the same. */
  asOrgraph: (peerAnswer: PeerAnswer) => unknown;
}

const TREE = `{
  pillars(first: 100) { nodes {
    ...unit
    children { nodes { ...unit children { nodes { ...unit } } } }
  } }
}
fragment unit on Unit {
  slug name state { engLead { name } techLead { name } status healthy engineerCount }
}`;

const TEAM = `query ($slug: String!) { allUnits(condition: { slug: $slug }) {
  nodes {
    slug name members { nodes { name email } }
    state { engLead { name email } techLead { name email }
            status healthy engineerCount tlmSince hiring }
  }
} }`;

const NO_TECH_LEAD = `{ teamsWithoutTechLead(first: 100) {
  totalCount nodes { slug state { engLead { name } status engineerCount } }
} }`;

const PERSON = `query ($email: String!) { personByEmail(email: $email) {
  name title manager: personByManagerId { name email } directReports { nodes { name email } }
} }`;

const SEARCH = SEARCH_QUERY.replace('people(', 'searchPeople(');

const CONNECTIONS = ['children', 'members', 'directReports'];

/** A peer's object with its connections unwrapped and its `state` split as orgraph's fields. */
function unwrapped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapped);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (CONNECTIONS.includes(key)) out[key] = unwrapped((field as { nodes: unknown[] }).nodes);
    else if (key === 'state') {
      const { engLead, techLead, ...coverage } = field as Record<string, unknown>;
      Object.assign(out, { engLead, techLead, coverage });
      for (const lead of ['engLead', 'techLead']) if (out[lead] === undefined) delete out[lead];
    } else out[key] = unwrapped(field);
  }
  return out;
}

export const DRILL_DOWN_TEAM = 'team-0123';

/** The peer set: the tree, teams without a TL, a drill-down, a person, the name search. */
export const PEER_QUERIES: PeerQuery[] = [
  {
    name: 'whole tree',
    orgraph: TREE_QUERY,
    peer: TREE,
    asOrgraph: (a) => ({ units: { nodes: unwrapped(a.pillars.nodes) } }),
  },
  {
    name: 'teams without TL',
    orgraph: NO_TECH_LEAD_QUERY,
    peer: NO_TECH_LEAD,
    asOrgraph: unwrapped,
  },
  {
    name: 'one-team drill-down',
    orgraph: TEAM_QUERY,
    peer: TEAM,
    variables: { slug: DRILL_DOWN_TEAM },
    asOrgraph: (a) => ({ unit: unwrapped(a.allUnits.nodes[0] ?? null) }),
  },
  {
    name: 'person, manager, reports',
    orgraph: PERSON_QUERY,
    peer: PERSON,
    variables: PERSON_VARIABLES,
    asOrgraph: (a) => ({ person: unwrapped(a.personByEmail) }),
  },
  {
    name: 'name search',
    orgraph: SEARCH_QUERY,
    peer: SEARCH,
    asOrgraph: (a) => ({ people: a.searchPeople }),
  },
];
