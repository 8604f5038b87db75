import type { Layer } from '../db/tables.js';
import { emailSchema } from '../orgdoc/document.js';
import {
  type CatalogFile,
  type Entity,
  entityRef,
  field,
  list,
  readCatalog,
  text,
} from './catalog.js';
import {
  type Adapted,
  type Origin,
  type PersonInput,
  SourceMap,
  type SourceProblem,
  type UnitInput,
} from './source-map.js';

export type { CatalogFile } from './catalog.js';

/** Group `spec.type` → layer, unless `--layer-map` says otherwise. */
export const DEFAULT_LAYER_MAP: Readonly<Record<string, Layer>> = {
  'business-unit': 'PILLAR',
  pillar: 'PILLAR',
  'product-area': 'AREA',
  area: 'AREA',
  team: 'TEAM',
};

/** Backstage has no leaders: these Group annotations name them (a User reference). */
export const LEAD_ANNOTATIONS = {
  engLead: 'orgraph.io/eng-lead',
  techLead: 'orgraph.io/tech-lead',
} as const;

const FIELD_NAMES = {
  people: { email: 'spec.profile.email', name: 'spec.profile.displayName' },
  units: {
    slug: 'metadata.name',
    name: 'spec.profile.displayName',
    layer: 'spec.type',
    parent: 'spec.parent',
    charter: 'metadata.description',
    members: 'spec.members',
    engLead: `metadata.annotations.${LEAD_ANNOTATIONS.engLead}`,
    techLead: `metadata.annotations.${LEAD_ANNOTATIONS.techLead}`,
  },
};

const at = (entity: Entity, name: string): Origin => ({
  order: entity.origin.order,
  text: `${entity.origin.text}, ${name}`,
});

const displayName = (e: Entity) =>
  text(field(e.spec, 'profile', 'displayName')) ?? text(e.metadata.title) ?? e.name;

interface Mapping {
  problems: SourceProblem[];
  sources: SourceMap;
  /** Every User's ref, and their email when they have one. */
  users: Set<string>;
  emails: Map<string, string>;
  /** Imported groups by ref, with their layer; skipped ones with their type. */
  groups: Map<string, { entity: Entity; layer: Layer }>;
  skipped: Map<string, string>;
}

function userEmail(m: Mapping, group: Entity, value: unknown, name: string): string | null {
  const ref = entityRef(value, 'user', text(group.metadata.namespace));
  const email = ref === null ? undefined : m.emails.get(ref);
  if (email !== undefined) return email;
  // A user without an email is reported once, on the user.
  if (ref === null || !m.users.has(ref)) {
    m.problems.push({ origin: at(group, name), message: `unknown user ${JSON.stringify(value)}` });
  }
  return null;
}

/**
 * Each group's parent, from its `spec.parent` and from parents' `spec.children` (one side is
 * enough); a parent named both ways differently, or a skipped one, is a problem.
 */
function parentsOf(m: Mapping): Map<string, { slug: string; origin: Origin }> {
  const parents = new Map<string, { slug: string; origin: Origin }>();
  for (const { entity } of m.groups.values()) {
    const namespace = text(entity.metadata.namespace);
    for (const child of list(entity.spec.children)) {
      const ref = entityRef(child, 'group', namespace);
      if (ref && m.groups.has(ref)) {
        parents.set(ref, { slug: entity.name, origin: at(entity, 'spec.children') });
      }
    }
  }
  for (const [ref, { entity }] of m.groups) {
    const parent = entityRef(entity.spec.parent, 'group', text(entity.metadata.namespace));
    if (parent === null) continue;
    const origin = at(entity, 'spec.parent');
    const type = m.skipped.get(parent);
    const slug = m.groups.get(parent)?.entity.name ?? parent.split('/')[1] ?? parent;
    const listed = parents.get(ref);
    if (type !== undefined) {
      m.problems.push({ origin, message: `group "${slug}" is skipped (type ${type})` });
    } else if (listed && listed.slug !== slug) {
      const message = `"${slug}", but ${listed.origin.text.split(',')[0]} lists it among its children`;
      m.problems.push({ origin, message });
    } else parents.set(ref, { slug, origin });
  }
  return parents;
}

/** Team members: the team's `spec.members` and the users whose `spec.memberOf` names it. */
function membersOf(m: Mapping, users: Entity[]): Map<string, Array<[string, Origin]>> {
  const members = new Map<string, Array<[string, Origin]>>();
  const add = (team: string, email: string, origin: Origin) => {
    const list = members.get(team) ?? [];
    if (!list.some(([known]) => known === email)) list.push([email, origin]);
    members.set(team, list);
  };
  for (const [ref, { entity, layer }] of m.groups) {
    if (layer !== 'TEAM') continue;
    for (const value of list(entity.spec.members)) {
      const email = userEmail(m, entity, value, 'spec.members');
      if (email) add(ref, email, at(entity, 'spec.members'));
    }
  }
  for (const user of users) {
    const email = m.emails.get(user.ref);
    for (const value of list(user.spec.memberOf)) {
      const team = entityRef(value, 'group', text(user.metadata.namespace));
      if (email && team && m.groups.get(team)?.layer === 'TEAM') {
        add(team, email, at(user, 'spec.memberOf'));
      }
    }
  }
  return members;
}

function personOf(m: Mapping, user: Entity, index: number): PersonInput {
  m.sources.set(`people[${index}]`, user.origin);
  m.users.add(user.ref);
  const email = field(user.spec, 'profile', 'email');
  // A malformed email is told once, on the user; the groups naming them say nothing more.
  if (emailSchema.safeParse(email).success) m.emails.set(user.ref, email as string);
  return { email: email as string, name: displayName(user) };
}

function unitOf(m: Mapping, group: Entity, index: number, parents: ReturnType<typeof parentsOf>) {
  const { layer } = m.groups.get(group.ref) as { layer: Layer };
  const path = `units[${index}]`;
  m.sources.set(path, group.origin);
  const unit: UnitInput = { slug: group.name, name: displayName(group), layer };
  const parent = parents.get(group.ref);
  if (parent) {
    unit.parent = parent.slug;
    m.sources.set(`${path}.parent`, parent.origin);
  }
  const charter = text(group.metadata.description);
  if (charter) unit.charter = charter;
  for (const [seat, annotation] of Object.entries(LEAD_ANNOTATIONS)) {
    const value = field(group.metadata, 'annotations', annotation);
    if (value === undefined) continue;
    const email = userEmail(m, group, value, FIELD_NAMES.units[seat as 'engLead']);
    if (email) unit[seat as 'engLead'] = email;
  }
  return unit;
}

/**
 * A Backstage catalog as an org document: Groups whose `spec.type` maps to a layer become
 * units (their `metadata.name` the slug), Users with a `spec.profile.email` become people,
 * team membership comes from either side, leads from the orgraph annotations. Groups of
 * other types are skipped and listed in the notes; entities of other kinds are ignored.
 */
export function backstageToDocument(
  files: CatalogFile[],
  layerMap: Readonly<Record<string, Layer>> = DEFAULT_LAYER_MAP,
): Adapted {
  const problems: SourceProblem[] = [];
  const entities = readCatalog(files, problems);
  const m: Mapping = {
    problems,
    sources: new SourceMap(FIELD_NAMES),
    users: new Set(),
    emails: new Map(),
    groups: new Map(),
    skipped: new Map(),
  };
  const notes: string[] = [];
  for (const entity of entities.filter((e) => e.kind === 'Group')) {
    const type = text(entity.spec.type) ?? '(none)';
    const layer = layerMap[type.toLowerCase()];
    if (layer) m.groups.set(entity.ref, { entity, layer });
    else {
      m.skipped.set(entity.ref, type);
      notes.push(`skipped ${entity.name} (type ${type})`);
    }
  }
  const users = entities.filter((e) => e.kind === 'User');
  const people = users.map((user, index) => personOf(m, user, index));
  const parents = parentsOf(m);
  const members = membersOf(m, users);
  const groups = [...m.groups.values()].map(({ entity }) => entity);
  const units = groups.map((group, index) => {
    const unit = unitOf(m, group, index, parents);
    const teamMembers = members.get(group.ref) ?? [];
    for (const [k, [, origin]] of teamMembers.entries()) {
      m.sources.set(`units[${index}].members[${k}]`, origin);
    }
    if (teamMembers.length > 0) unit.members = teamMembers.map(([email]) => email);
    return unit;
  });
  return { document: { people, units }, sources: m.sources, problems, notes };
}
