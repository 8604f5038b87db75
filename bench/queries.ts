/** The reads and the write the bench times besides the whole-org tree (tree.ts). */

/** One team, as a drill-down page asks it. */
export const TEAM_QUERY = `query ($slug: String!) { unit(slug: $slug) {
  slug name engLead { name email } techLead { name email } members { name email }
  coverage { status healthy engineerCount tlmSince hiring }
} }`;

/** The whole org's teams without a Tech Lead: their count and the first page. */
export const NO_TECH_LEAD_QUERY = `{ teamsWithoutTechLead(first: 100) {
  totalCount nodes { slug engLead { name } coverage { status engineerCount } }
} }`;

/** Everything a departure's impact answers. */
export const DEPARTURE_QUERY = `query ($email: String!) { departureImpact(email: $email) {
  vacatedSeats { unit { slug } seat readyCandidates { email } }
  unownedAors { slug } aorsWithoutBackup { slug } orphanedReports { email }
  coverageChanges { unit { slug } from to }
  newFindings { kind severity message } resolvedFindings { kind severity message }
  vacancyChain { depth unit { slug } seat successor { email } }
} }`;

/** A small write: a team renamed (the org version moves on, so every answer must follow). */
export const RENAME_MUTATION = `mutation ($slug: String!, $name: String!) {
  updateUnit(input: { slug: $slug, name: $name }) { userErrors { message } }
}`;

/** The Eng Lead of a unit: $1 its slug. */
export const ENG_LEAD_SQL = `select p.email from seat_assignment s
  join unit u on u.id = s.unit_id join person p on p.id = s.person_id
  where u.slug = $1 and s.seat = 'ENG_LEAD' and s.ended_on is null`;

/** How long seats stood empty over 12 months, for the whole org: every seat's history read. */
export const CHURN_QUERY = `query ($from: Date!, $to: Date!) { seatVacancyStats(from: $from, to: $to) {
  layer seat began ended medianDaysVacant stillOpen oldestOpenDays medianDaysToFill turnover
} }`;

/** A person with their manager and direct reports (a manager of managers: five reports). */
export const PERSON_QUERY = `query ($email: String!) { person(email: $email) {
  name title manager { name email } directReports { name email } } }`;
export const PERSON_VARIABLES = { email: 'p3@example.com' };

/** The name search, a page of 20 with the count of all that match. */
export const SEARCH_QUERY =
  '{ people(search: "person 12", first: 20) { totalCount nodes { name email } } }';
