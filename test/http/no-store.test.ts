import { describe, expect, it } from 'vitest';
import { tokenFor } from '../access/credentials.js';
import { TWO_PILLARS } from '../access/org.js';
import { useTestOrg } from '../helpers/test-org.js';

// A PLANNER's bench read by GET is a plain URL: without a cache policy a browser kept the
// confidential answer in its disk cache, after the tab or the token was gone.
const t = useTestOrg(TWO_PILLARS);

describe('GraphQL answers are kept by no cache', () => {
  const BENCH = '{ successionBench(scope: "storage") { candidates { readySoon { email } } } }';

  it('a confidential read by GET or POST, an error, and a refusal alike', async () => {
    const planner = await tokenFor(t, 'PLANNER');
    const headers = { accept: 'application/json', authorization: `Bearer ${planner}` };
    const answers = [
      await t.app.fetch(`http://orgraph.test/graphql?query=${encodeURIComponent(BENCH)}`, {
        headers,
      }),
      await t.app.fetch('http://orgraph.test/graphql', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: BENCH }),
      }),
      // An invalid document: 200 with errors for application/json (GraphQL over HTTP).
      await t.app.fetch('http://orgraph.test/graphql?query=%7B%20nope%20%7D', { headers }),
      await t.app.fetch(`http://orgraph.test/graphql?query=${encodeURIComponent(BENCH)}`, {
        headers: { accept: 'application/json' },
      }),
    ];
    // Yoga answers GraphQL at any URL whose text ends in /graphql (its query string's too),
    // and a stream's own `no-cache` lets a browser store it.
    answers.push(
      await t.app.fetch(`http://orgraph.test/x?query=${encodeURIComponent(`${BENCH} #`)}/graphql`, {
        headers,
      }),
      await t.app.fetch(`http://orgraph.test/graphql?query=${encodeURIComponent(BENCH)}`, {
        headers: { ...headers, accept: 'text/event-stream' },
      }),
    );
    // Parts, as Yoga sends a client asking for them.
    answers.push(
      await t.app.fetch(`http://orgraph.test/graphql?query=${encodeURIComponent(BENCH)}`, {
        headers: { ...headers, accept: 'multipart/mixed' },
      }),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 401, 200, 200, 200]);
    for (const i of [4, 5, 6]) expect(await answers[i]?.text()).toContain('readySoon');
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
    const read = await answers[0]?.json();
    expect(read.data.successionBench.length).toBeGreaterThan(0);
  });

  it('leaves the pages their own policy', async () => {
    const page = await t.app.fetch('http://orgraph.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const dashboard = await t.app.fetch('http://orgraph.test/', {
      headers: { accept: 'text/html' },
    });
    expect(dashboard.headers.get('cache-control')).toBe('no-cache');
  });
});
