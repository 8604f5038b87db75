/**
 * The bench's three peer queries as PostGraphile (bench/peer) answers them: the same fields
 * as orgraph's TREE_QUERY, TEAM_QUERY and NO_TECH_LEAD_QUERY, in PostGraphile's shape (lists
 * are connections with `nodes`; the unit by slug is `allUnits(condition:)`).
 */
export const PEER_TREE_QUERY = `{
  pillars(first: 100) { nodes {
    ...unit
    children { nodes { ...unit children { nodes { ...unit } } } }
  } }
}
fragment unit on Unit {
  slug name engLead { name } techLead { name } coverage { status healthy engineerCount }
}`;

export const PEER_TEAM_QUERY = `query ($slug: String!) { allUnits(condition: { slug: $slug }) {
  nodes {
    slug name engLead { name email } techLead { name email } members { nodes { name email } }
    coverage { status healthy engineerCount tlmSince hiring }
  }
} }`;

export const PEER_NO_TECH_LEAD_QUERY = `{ teamsWithoutTechLead(first: 100) {
  totalCount nodes { slug engLead { name } coverage { status engineerCount } }
} }`;

interface PeerUnit {
  children?: { nodes: PeerUnit[] };
  members?: { nodes: unknown[] };
  [field: string]: unknown;
}

/** A peer's unit with its connections unwrapped, as orgraph answers it. */
function unwrapped(unit: PeerUnit): Record<string, unknown> {
  const { children, members, ...rest } = unit;
  return {
    ...rest,
    ...(children && { children: children.nodes.map(unwrapped) }),
    ...(members && { members: members.nodes }),
  };
}

/** The peer's answers in orgraph's shape, to compare them with orgraph's. */
export const asOrgraph = {
  tree: (peer: { pillars: { nodes: PeerUnit[] } }) => ({
    units: { nodes: peer.pillars.nodes.map(unwrapped) },
  }),
  team: (peer: { allUnits: { nodes: PeerUnit[] } }) => {
    const [unit] = peer.allUnits.nodes;
    return { unit: unit ? unwrapped(unit) : null };
  },
  // Asked in orgraph's shape already.
  noTechLead: (peer: unknown) => peer,
};
