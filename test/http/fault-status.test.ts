import { expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

// GraphQL over HTTP: a response whose data is not null MUST be a 2xx. A database fault
// failing one field of several (`person`, while `viewer` answered) was a 503 holding the rest.
const t = useTestOrg(specDocument());

async function askDuringOutage(query: string) {
  await t.data('{ units { totalCount } }'); // the org held: only the lookup reaches the database
  const stop = t.onStatement(() => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  try {
    const response = await t.app.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${ADMIN_TOKEN}`,
      },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: await response.json() };
  } finally {
    stop();
  }
}

it('answers 200 when a fault left data, 503 when it left none', async () => {
  const partial = await askDuringOutage(
    '{ viewer { role } person(email: "ana@example.com") { seatHistory { startedOn } } }',
  );
  expect(partial.body.data).toEqual({ viewer: { role: 'ADMIN' }, person: null });
  expect(partial.body.errors.map((e: { extensions: object }) => e.extensions)).toEqual([
    { code: 'DATABASE_UNAVAILABLE' },
  ]);
  expect(partial.status).toBe(200);
  // Still a fault in the log: an error with its cause, not a refusal of the request.
  expect(JSON.parse(t.logs.at(-1) ?? '{}')).toMatchObject({
    level: 'error',
    msg: 'request failed',
    error: {
      code: 'DATABASE_UNAVAILABLE',
      unexpected: true,
      message: expect.stringContaining('ECONNREFUSED'),
    },
  });
  const whole = await askDuringOutage('{ apiTokens(first: 1) { totalCount } }');
  expect(whole.body.data).toBeNull();
  expect(whole.status).toBe(503);
});
