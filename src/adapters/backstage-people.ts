import type { Layer } from '../db/tables.js';
import { emailSchema } from '../orgdoc/document.js';
import { at, type Entity, field, list, type Report, text } from './catalog.js';
import { refFrom, unknownGroup } from './catalog-refs.js';
import type { Origin, PersonInput, SourceMap } from './source-map.js';

/** The catalog's Users as people: one person per email, whatever the namespaces. */
export interface People {
  people: PersonInput[];
  /** Each User's key → their email (lower-cased), when they have one. */
  emails: Map<string, string>;
  /** Each email → the first User that gives it (messages about the person name them). */
  firstUser: Map<string, Entity>;
  /** Users without an email, by key: skipped, unless they lead a group. */
  withoutEmail: Map<string, Entity>;
  /** Every User's key. */
  known: Set<string>;
}

/** The name an entity states (`spec.profile.displayName`, else `metadata.title`), if any. */
const statedName = (e: Entity) =>
  text(field(e.spec, 'profile', 'displayName')) ?? text(e.metadata.title);

/**
 * An entity's name: the one it states, else the one the org already has (`known`), else its
 * id. The id only names what the import creates: on a name the org has it would undo the
 * name an HR import or a document gave, at every sync.
 */
export const displayName = (e: Entity, known?: string) => statedName(e) ?? known ?? e.name;

/**
 * One person per email (case-insensitive): a User in two namespaces is one person, told as
 * the first one the catalog has. An email the import refuses is still passed on, so its
 * message names the User.
 */
export function peopleOf(
  users: Entity[],
  sources: SourceMap,
  knownNames: ReadonlyMap<string, string>,
): People {
  const found: People = {
    people: [],
    emails: new Map(),
    firstUser: new Map(),
    withoutEmail: new Map(),
    known: new Set(users.map((user) => user.key)),
  };
  for (const user of users) {
    const given = field(user.spec, 'profile', 'email');
    if (text(given) === undefined) {
      found.withoutEmail.set(user.key, user);
      continue;
    }
    const valid = emailSchema.safeParse(given);
    const email = valid.success ? valid.data : (given as string);
    // A malformed email is told once, on the User; the groups naming them say nothing more.
    if (valid.success) found.emails.set(user.key, email);
    if (found.firstUser.has(email)) continue;
    found.firstUser.set(email, user);
    sources.set(`people[${found.people.length}]`, user.origin);
    found.people.push({ email, name: displayName(user, knownNames.get(email.toLowerCase())) });
  }
  return found;
}

/**
 * How many Users a group names as members or is named by (`spec.members`, `memberOf`): of a
 * group skipped, their membership of it is not read, and nothing but its warning says so.
 */
export function membersNamed(
  group: Entity,
  users: Entity[],
  found: People,
  isGroup: (key: string) => boolean,
): number {
  const members = new Set<string | null>(
    list(group.spec.members).map((v) => refFrom(group, v, 'user', (k) => found.known.has(k))),
  );
  for (const user of users) {
    const refs = list(user.spec.memberOf);
    if (refs.some((v) => refFrom(user, v, 'group', isGroup) === group.key)) members.add(user.key);
  }
  members.delete(null); // a member naming no User: a problem of its own
  return members.size;
}

export interface Membership {
  team: string;
  origin: Origin;
}

/**
 * Each person's teams in the order the catalog lists them: their own `spec.memberOf` first
 * (Users in file order), then the teams whose `spec.members` name them (Groups in file order).
 * `layerOf` gives each placed group's layer: membership of a Pillar or an Area is not the
 * org's, and is a warning, once a User or Group (that of a skipped group is not read either:
 * the group's own warning says so). A
 * `memberOf` naming no group is a warning (the person comes in without it); a `members`
 * entry naming no User is a problem.
 */
export function teamsOfPeople(
  users: Entity[],
  groups: Entity[],
  layerOf: (key: string) => Layer | undefined,
  found: People,
  report: Report,
): Map<string, Membership[]> {
  const teams = new Map<string, Membership[]>();
  const add = (email: string | undefined, team: string, origin: Origin) => {
    if (email === undefined) return;
    const listed = teams.get(email) ?? [];
    if (!listed.some((m) => m.team === team)) listed.push({ team, origin });
    teams.set(email, listed);
  };
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const isGroup = (key: string) => byKey.has(key);
  const notRead = (origin: Origin, group: string, layer: Layer | undefined) => {
    if (layer === undefined) return;
    const message = `membership of ${group} not read: it is ${layer === 'AREA' ? 'an' : 'a'} ${layer} (people are members of teams)`;
    report.warnings.push({ origin, message });
  };
  for (const user of users) {
    const origin = at(user.origin, 'spec.memberOf');
    for (const value of list(user.spec.memberOf)) {
      const group = refFrom(user, value, 'group', isGroup);
      if (group === null || !isGroup(group)) {
        report.warnings.push({ origin, message: unknownGroup(value) });
      } else if (layerOf(group) !== 'TEAM') {
        notRead(origin, (byKey.get(group) as Entity).ref, layerOf(group));
      } else add(found.emails.get(user.key), group, origin);
    }
  }
  for (const group of groups) {
    const origin = at(group.origin, 'spec.members');
    const members = list(group.spec.members);
    const team = layerOf(group.key) === 'TEAM';
    if (!team && members.length > 0) notRead(origin, group.ref, layerOf(group.key));
    for (const value of members) {
      const user = refFrom(group, value, 'user', (key) => found.known.has(key));
      if (user === null || !found.known.has(user)) {
        report.problems.push({ origin, message: `unknown user ${JSON.stringify(value)}` });
      } else if (team) add(found.emails.get(user), group.key, origin);
    }
  }
  return teams;
}

/** What the members are read with: those gone from the org, the report. */
interface Read {
  gone: ReadonlyMap<string, string>;
  report: Report;
}

/**
 * A person is in one team: the first listed (none when they have left the org). Each team's
 * members (with where the catalog says so), and a warning where it lists them in another
 * team too, or in the team they are not made a member of once gone.
 */
export function membersOfTeams(
  teams: Map<string, Membership[]>,
  { gone, report: { warnings } }: Read,
  slugOf: (key: string) => string,
): Map<string, Array<[string, Origin]>> {
  const members = new Map<string, Array<[string, Origin]>>();
  for (const [email, [first, ...others]] of teams) {
    if (!first) continue;
    const left = gone.get(email.toLowerCase());
    if (left) {
      const message = `departed on ${left}: not made a member of ${slugOf(first.team)}`;
      warnings.push({ origin: first.origin, message });
      continue;
    }
    members.set(first.team, [...(members.get(first.team) ?? []), [email, first.origin]]);
    if (others.length === 0) continue;
    // Said where the catalog lists the first team not joined: the User or Group that wrote it.
    const also = others.map((m) => slugOf(m.team)).join(', ');
    const message = `in ${others.length + 1} teams: joins ${slugOf(first.team)}, not ${also} (a person is in one team)`;
    warnings.push({ origin: (others[0] as Membership).origin, message });
  }
  return members;
}
