import type { KnownOrg } from '../adapters/backstage.js';
import type { Operator } from './operator.js';

/** Emails and slugs asked in one request: each is an alias, and a request may have 30. */
const ASKED_AT_ONCE = 25;

/**
 * What the org holds of a catalog's people (by email) and groups (by slug): the people gone
 * by `today` (their first day gone) and the names of those it has — a catalog lags the HR
 * system, and still lists people who have left. Asked by email and slug in a few requests,
 * not by reading the whole org.
 */
export async function knownOf(
  org: Operator,
  catalog: { emails: readonly string[]; slugs: readonly string[] },
  today: string,
): Promise<KnownOrg> {
  const known = { gone: new Map<string, string>(), people: new Map(), units: new Map() };
  const asked = [
    ...catalog.emails.map((email) => ({ email, slug: undefined })),
    ...catalog.slugs.map((slug) => ({ email: undefined, slug })),
  ];
  for (let start = 0; start < asked.length; start += ASKED_AT_ONCE) {
    const batch = asked.slice(start, start + ASKED_AT_ONCE);
    const variables = Object.fromEntries(batch.map((k, i) => [`k${i}`, k.email ?? k.slug]));
    const declared = batch.map((_, i) => `$k${i}: String!`).join(', ');
    const fields = batch.map((k, i) =>
      k.email !== undefined
        ? `k${i}: person(email: $k${i}) { departedOn name }`
        : `k${i}: unit(slug: $k${i}) { name }`,
    );
    const answer = await org.ask<Record<string, { departedOn?: string | null; name: string }>>(
      `query (${declared}) { ${fields.join(' ')} }`,
      variables,
    );
    batch.forEach(({ email, slug }, i) => {
      const found = answer[`k${i}`];
      if (!found) return;
      if (slug !== undefined) known.units.set(slug, found.name);
      if (email === undefined) return;
      known.people.set(email.toLowerCase(), found.name);
      const { departedOn } = found;
      if (departedOn && departedOn <= today) known.gone.set(email.toLowerCase(), departedOn);
    });
  }
  return known;
}
