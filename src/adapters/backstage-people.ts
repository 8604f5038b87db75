import { emailSchema } from '../orgdoc/document.js';
import {
  at,
  type Entity,
  field,
  list,
  type Report,
  refFrom,
  text,
  unknownGroup,
} from './catalog.js';
import type { Origin, PersonInput, SourceMap, SourceProblem } from './source-map.js';

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

export const displayName = (e: Entity) =>
  text(field(e.spec, 'profile', 'displayName')) ?? text(e.metadata.title) ?? e.name;

/**
 * One person per email (case-insensitive): a User in two namespaces is one person, told as
 * the first one the catalog has. An email the import refuses is still passed on, so its
 * message names the User.
 */
export function peopleOf(users: Entity[], sources: SourceMap): People {
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
    found.people.push({ email, name: displayName(user) });
  }
  return found;
}

export interface Membership {
  team: string;
  origin: Origin;
}

/**
 * Each person's teams in the order the catalog lists them: their own `spec.memberOf` first
 * (Users in file order), then the teams whose `spec.members` name them (Groups in file order).
 * `isTeam` says which group keys are teams; other groups' members are not the org's. A
 * `memberOf` naming no group is a warning (the person comes in without it); a `members`
 * entry naming no User is a problem.
 */
export function teamsOfPeople(
  users: Entity[],
  groups: Entity[],
  isTeam: (key: string) => boolean,
  found: People,
  report: Report,
): Map<string, Membership[]> {
  const teams = new Map<string, Membership[]>();
  const add = (email: string | undefined, team: string, origin: Origin) => {
    if (email === undefined || !isTeam(team)) return;
    const listed = teams.get(email) ?? [];
    if (!listed.some((m) => m.team === team)) listed.push({ team, origin });
    teams.set(email, listed);
  };
  const groupKeys = new Set(groups.map((group) => group.key));
  const isGroup = (key: string) => groupKeys.has(key);
  for (const user of users) {
    for (const value of list(user.spec.memberOf)) {
      const team = refFrom(user, value, 'group', isGroup);
      const origin = at(user.origin, 'spec.memberOf');
      if (team !== null && isGroup(team)) add(found.emails.get(user.key), team, origin);
      else report.warnings.push({ origin, message: unknownGroup(value) });
    }
  }
  for (const group of groups) {
    for (const value of list(group.spec.members)) {
      const user = refFrom(group, value, 'user', (key) => found.known.has(key));
      const origin = at(group.origin, 'spec.members');
      if (user !== null && found.known.has(user)) {
        add(found.emails.get(user), group.key, origin);
      } else report.problems.push({ origin, message: `unknown user ${JSON.stringify(value)}` });
    }
  }
  return teams;
}

/**
 * A person is in one team: the first listed. Each team's members (with where the catalog
 * says so), and a warning on the person for every other team they are listed in.
 */
export function membersOfTeams(
  teams: Map<string, Membership[]>,
  found: People,
  slugOf: (key: string) => string,
  warnings: SourceProblem[],
): Map<string, Array<[string, Origin]>> {
  const members = new Map<string, Array<[string, Origin]>>();
  for (const [email, [first, ...others]] of teams) {
    if (!first) continue;
    members.set(first.team, [...(members.get(first.team) ?? []), [email, first.origin]]);
    if (others.length === 0) continue;
    const user = found.firstUser.get(email) as Entity;
    const also = others.map((m) => slugOf(m.team)).join(', ');
    const message = `in ${others.length + 1} teams: joins ${slugOf(first.team)}, not ${also} (a person is in one team)`;
    warnings.push({ origin: user.origin, message });
  }
  return members;
}
