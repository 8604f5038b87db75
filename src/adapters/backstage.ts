import type { Layer } from '../db/tables.js';
import {
  addLeads,
  LEAD_ANNOTATIONS,
  leadAnnotationsOf,
  unknownAnnotations,
} from './backstage-leads.js';
import {
  displayName,
  membersNamed,
  membersOfTeams,
  type People,
  peopleOf,
  teamsOfPeople,
} from './backstage-people.js';
import { asSlug, parentsOf, slugOf } from './backstage-tree.js';
import {
  at,
  type CatalogFile,
  type CatalogFolder,
  type Entity,
  list,
  notAList,
  type Report,
  readCatalog,
  text,
} from './catalog.js';
import { refFrom } from './catalog-refs.js';
import { inferLayers, type Placement, skippedWarning } from './layers.js';
import { type Adapted, SourceMap, type UnitInput } from './source-map.js';

export type { CatalogFile, CatalogFolder } from './catalog.js';

/** Group `spec.type` → layer when `--layer-map` is given (its pairs go on top of these). */
export const DEFAULT_LAYER_MAP: Readonly<Record<string, Layer>> = {
  'business-unit': 'PILLAR',
  pillar: 'PILLAR',
  'product-area': 'AREA',
  area: 'AREA',
  team: 'TEAM',
};

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

const typeOf = (group: Entity) => text(group.spec.type) ?? '(none)';

/** Layers by `spec.type` through the map; a type the map lacks is skipped. */
function placeByType(groups: Entity[], map: Readonly<Record<string, Layer>>) {
  return new Map<string, Placement>(
    groups.map((group) => {
      const layer = map[typeOf(group).toLowerCase()];
      const skipped = `skipped: type ${typeOf(group)} has no layer in --layer-map`;
      return [group.key, layer ? { layer } : { skipped }];
    }),
  );
}

function unitOf(group: Entity, layer: Layer, parent: string | undefined, c: Catalog) {
  const slug = asSlug(group.name);
  const unit: UnitInput = { slug, name: displayName(group, c.org.units.get(slug)), layer };
  if (parent) unit.parent = parent;
  const charter = text(group.metadata.description);
  if (charter) unit.charter = charter;
  addLeads(unit, group, c.found, c.report);
  return unit;
}

/** The catalog read, and what the mapping has found so far. */
interface Catalog {
  report: Report;
  sources: SourceMap;
  users: Entity[];
  groupList: Entity[];
  groups: Map<string, Entity>;
  found: People;
  parents: ReturnType<typeof parentsOf>;
  org: KnownOrg;
}

/** What the org already holds of a catalog's people and groups. */
export interface KnownOrg {
  /** People gone by the import's day, by email (lower case): their first day gone. */
  gone: ReadonlyMap<string, string>;
  /** The names of its people, by email (lower case). */
  people: ReadonlyMap<string, string>;
  /** The names of its units, by slug. */
  units: ReadonlyMap<string, string>;
}

const NEW_ORG: KnownOrg = { gone: new Map(), people: new Map(), units: new Map() };

/** Each group's layer, from the tree (no map) or from its type through the map. */
function placementsOf(c: Catalog, layerMap?: Readonly<Record<string, Layer>>) {
  if (layerMap !== undefined) return placeByType(c.groupList, layerMap);
  const listedIn = new Set(
    c.users.flatMap((user) =>
      list(user.spec.memberOf).map((v) => refFrom(user, v, 'group', (k) => c.groups.has(k))),
    ),
  );
  return inferLayers(
    c.groupList.map((group) => ({
      key: group.key,
      parent: c.parents.get(group.key)?.key ?? null,
      team: typeOf(group).toLowerCase() === 'team',
      hasMembers: listedIn.has(group.key) || list(group.spec.members).length > 0,
      hint: DEFAULT_LAYER_MAP[typeOf(group).toLowerCase()],
    })),
  );
}

/** The placed groups as units, by key; a skipped group is a warning. */
function unitsOf(c: Catalog, placements: Map<string, Placement>): Map<string, UnitInput> {
  const units = new Map<string, UnitInput>();
  const placed = (key: string) => 'layer' in (placements.get(key) ?? {});
  for (const group of c.groupList) {
    const placement = placements.get(group.key) as Placement;
    if ('skipped' in placement) {
      const members = membersNamed(group, c.users, c.found, (k: string) => c.groups.has(k));
      const message = skippedWarning(placement, members, leadAnnotationsOf(group));
      c.report.warnings.push({ origin: group.origin, message });
      continue;
    }
    const parent = c.parents.get(group.key);
    // A skipped parent leaves its children at the top (the import judges them); one the
    // catalog lacks is the import's to find among the org's units.
    const kept = parent && !parent.refused && (placed(parent.key) || !c.groups.has(parent.key));
    const path = `units[${units.size}]`;
    c.sources.set(path, group.origin);
    if (kept) c.sources.set(`${path}.parent`, parent.origin);
    // A parent refused here already is a problem: the import's "needs a parent" repeats it.
    else if (parent?.refused) c.sources.cover(`${path}.parent`);
    // One skipped (a root above the pillars): what the import says of the parent is of it.
    else if (parent) {
      const skipped = (c.groups.get(parent.key) as Entity).ref;
      c.sources.set(`${path}.parent`, at(group.origin, `under ${skipped} (skipped)`));
    }
    // None at all: what the import says of the parent is of the group, as placed (no field
    // of the user's to name).
    else
      c.sources.set(`${path}.parent`, at(group.origin, `a top group placed as ${placement.layer}`));
    const parentSlug = kept ? slugOf(c.groups, parent.key) : undefined;
    if (asSlug(group.name) !== group.name) {
      const message = `named ${asSlug(group.name)} (a slug is lower case, letters, digits and dashes)`;
      c.report.warnings.push({ origin: group.origin, message });
    }
    units.set(group.key, unitOf(group, placement.layer, parentSlug, c));
  }
  return units;
}

/** Each team's members: a person in the first team listed, a warning for the others. */
function addMembers(c: Catalog, units: Map<string, UnitInput>): void {
  const index = new Map([...units.keys()].map((key, i) => [key, i]));
  const layerOf = (key: string) => units.get(key)?.layer;
  const teams = teamsOfPeople(c.users, c.groupList, layerOf, c.found, c.report);
  const slug = (key: string) => slugOf(c.groups, key);
  for (const [team, members] of membersOfTeams(teams, { ...c, gone: c.org.gone }, slug)) {
    const path = `units[${index.get(team)}]`;
    members.forEach(([, origin], k) => void c.sources.set(`${path}.members[${k}]`, origin));
    (units.get(team) as UnitInput).members = members.map(([email]) => email);
  }
}

/**
 * A Backstage catalog as an org document: Groups become units (their `metadata.name` the
 * slug), with layers inferred from the tree (layers.ts) or, with a layer map, by `spec.type`;
 * Users with an email become people, one per email; team membership comes from either side,
 * leads from the orgraph annotations. What does not fit is skipped with a warning; entities
 * of other kinds are ignored, and Locations followed (the files they name read from `folder`).
 * Of what the `org` holds: people gone join no team (a catalog still lists them, and says so
 * in a warning), and an entity stating no name keeps the one it has.
 */
export function backstageToDocument(
  files: CatalogFile[],
  folder: CatalogFolder,
  layerMap?: Readonly<Record<string, Layer>>,
  org: KnownOrg = NEW_ORG,
): Adapted {
  const report: Report = { problems: [], warnings: [] };
  const sources = new SourceMap(FIELD_NAMES);
  const entities = readCatalog(files, folder, report);
  if (!entities) return { document: { people: [], units: [] }, sources, ...report };
  const users = entities.filter((e) => e.kind === 'User');
  const groupList = entities.filter((e) => e.kind === 'Group');
  // A readable file of no entity we read is not a catalog (an org document, a CSV): said,
  // rather than imported as "no change".
  if (users.length === 0 && groupList.length === 0 && report.problems.length === 0) {
    const names = files.map((f) => f.name).join(', ');
    const message = `${names}: no Group or User entity found (is it a Backstage catalog?)`;
    report.problems.push({ origin: null, message });
  }
  for (const user of users) notAList(user, ['memberOf'], report);
  for (const group of groupList) notAList(group, ['members', 'children'], report);
  for (const entity of entities) unknownAnnotations(entity, report);
  const groups = new Map(groupList.map((group) => [group.key, group]));
  const found = peopleOf(users, sources, org.people);
  const parents = parentsOf(groups, report);
  const c: Catalog = { report, sources, users, groupList, groups, found, parents, org };
  const units = unitsOf(c, placementsOf(c, layerMap));
  addMembers(c, units);
  for (const user of found.withoutEmail.values()) {
    const message = 'skipped: no spec.profile.email (a person needs one)';
    report.warnings.push({ origin: user.origin, message });
  }
  return { document: { people: found.people, units: [...units.values()] }, sources, ...report };
}
