import type { Operator } from './operator.js';

/** Emails asked in one request: each is an alias, and a request may have 30. */
const ASKED_AT_ONCE = 25;

/**
 * Of these emails, the people of the org gone by `today` (their first day gone), by email: a
 * catalog lags the HR system, and still lists people who have left. Asked by email in a few
 * requests, not by reading every person of the org.
 */
export async function leaversAmong(
  org: Operator,
  emails: readonly string[],
  today: string,
): Promise<Map<string, string>> {
  const gone = new Map<string, string>();
  for (let start = 0; start < emails.length; start += ASKED_AT_ONCE) {
    const batch = emails.slice(start, start + ASKED_AT_ONCE);
    const variables = Object.fromEntries(batch.map((email, i) => [`e${i}`, email]));
    const declared = batch.map((_, i) => `$e${i}: String!`).join(', ');
    const asked = batch.map((_, i) => `p${i}: person(email: $e${i}) { departedOn }`).join(' ');
    const answer = await org.ask<Record<string, { departedOn: string | null } | null>>(
      `query (${declared}) { ${asked} }`,
      variables,
    );
    batch.forEach((email, i) => {
      const departedOn = answer[`p${i}`]?.departedOn;
      if (departedOn && departedOn <= today) gone.set(email.toLowerCase(), departedOn);
    });
  }
  return gone;
}
