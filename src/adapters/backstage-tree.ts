import { at, type Entity, list, type Report } from './catalog.js';
import { refFrom, unknownGroup } from './catalog-refs.js';
import type { Origin } from './source-map.js';

/** A group's parent: its key, where it was said (and by which parent's list), or refused. */
interface ParentLink {
  key: string;
  origin: Origin;
  by?: string;
  refused?: true;
}

/**
 * Each group's parent, from its `spec.parent` and from parents' `spec.children` (one side is
 * enough; two different ones are a problem, and so is a child two groups list), by key. A
 * `spec.parent` naming a group the catalog lacks is kept, whatever the group would be: it may
 * be a unit the org already has (a catalog brought in part by part), and the import refuses
 * it naming it if not. One that names no group at all (another kind) is a problem here.
 */
export function parentsOf(groups: Map<string, Entity>, report: Report) {
  const isGroup = (key: string) => groups.has(key);
  const parents = new Map<string, ParentLink>();
  /** `written` (at `origin`) names another parent than the one `listed` by a group. */
  const conflict = (origin: Origin, written: string, listed: { by?: string }) =>
    report.problems.push({
      origin,
      message: `"${written}", but ${listed.by} lists it among its children`,
    });
  for (const group of groups.values()) {
    for (const child of list(group.spec.children)) {
      const key = refFrom(group, child, 'group', isGroup);
      const origin = at(group.origin, 'spec.children');
      if (!key || !groups.has(key)) {
        report.warnings.push({ origin, message: `${unknownGroup(child)}: not read` });
        continue;
      }
      const listed = parents.get(key);
      if (listed && listed.key !== group.key) conflict(origin, slugOf(groups, key), listed);
      else parents.set(key, { key: group.key, origin, by: group.ref });
    }
  }
  for (const group of groups.values()) {
    const written = group.spec.parent;
    if (written === undefined || written === null) continue;
    const origin = at(group.origin, 'spec.parent');
    const listed = parents.get(group.key);
    const key = refFrom(group, written, 'group', isGroup);
    if (key === null) {
      report.problems.push({ origin, message: unknownGroup(written) });
      if (!listed) parents.set(group.key, { key: String(written), origin, refused: true });
    } else if (listed && listed.key !== key) conflict(origin, slugOf(groups, key), listed);
    else parents.set(group.key, { key, origin });
  }
  refuseCycles(groups, parents, report);
  return parents;
}

/**
 * Groups whose parents lead back to them (`dept-a` under `dept-b` under `dept-a`, or a group
 * its own parent): one problem a cycle, on its first group's parent, naming the whole loop;
 * its parents are refused. Unsaid, the loop was cut where the layers were inferred, and the
 * import spoke of layers or of a group with "no team below it".
 */
function refuseCycles(
  groups: Map<string, Entity>,
  parents: Map<string, ParentLink>,
  report: Report,
): void {
  const seen = new Set<string>();
  for (const start of groups.keys()) {
    const path: string[] = [];
    let key: string | undefined = start;
    while (key !== undefined && !seen.has(key)) {
      seen.add(key);
      path.push(key);
      const parent = parents.get(key);
      key = parent && !parent.refused ? parent.key : undefined;
    }
    const from = key === undefined ? -1 : path.indexOf(key);
    if (from < 0) continue;
    const loop = path.slice(from);
    const names = [...loop, loop[0] as string].map((k) => groups.get(k)?.ref ?? k);
    const { origin } = parents.get(loop[0] as string) as ParentLink;
    report.problems.push({ origin, message: `a loop: ${names.join(' > ')}` });
    for (const k of loop) parents.set(k, { ...(parents.get(k) as ParentLink), refused: true });
  }
}

/**
 * A group's slug: its name, as a slug (Backstage allows `Team_Alpha` and `team.beta`, a slug
 * is `team-alpha`); a group the catalog lacks, by the reference's name.
 */
export const slugOf = (groups: Map<string, Entity>, key: string) =>
  asSlug(groups.get(key)?.name ?? key.split('/')[1] ?? key);

/** A name as a slug: lower case, each run of other characters than letters and digits a dash. */
export const asSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
