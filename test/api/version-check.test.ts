import { expect, it } from 'vitest';
import { currentOrgVersion, ORG_VERSION_SQL } from '../../src/db/version.js';
import { TWO_PILLARS } from '../access/org.js';
import { ADMIN_TOKEN, secondApp } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';

/**
 * Requests asking at about the same time share one version check (src/db/version.ts), and
 * still each sees every write committed before it asked.
 */
const t = useTestOrg(TWO_PILLARS);

const versionChecks = () => t.statements.filter((sql) => sql === ORG_VERSION_SQL).length;

const PERSON = 'query ($email: String!) { person(email: $email) { email } }';

it('requests asked together share one version check, each answered', async () => {
  await t.data('{ units { totalCount } }'); // the org held, checked once
  const before = versionChecks();
  const emails = ['ana@example.com', 'bo@example.com', 'cy@example.com', 'nobody@example.com'];
  const answers = await Promise.all(
    emails.map((email) => t.data<{ person: { email: string } | null }>(PERSON, { email })),
  );
  expect(answers.map(({ person }) => person?.email ?? null)).toEqual([
    'ana@example.com',
    'bo@example.com',
    'cy@example.com',
    null,
  ]);
  expect(versionChecks() - before).toBeGreaterThanOrEqual(1);
  expect(versionChecks() - before).toBeLessThan(emails.length);
});

it('a request asking once the shared check was sent waits for a check of its own', async () => {
  // The moment the first check is sent (the query logged), a second request asks: joining
  // the check already under way could answer from before a write committed meanwhile.
  const { db } = t.database;
  let second: ReturnType<typeof currentOrgVersion> | undefined;
  const sent: string[] = [];
  const stop = t.onStatement((sql) => {
    if (sql !== ORG_VERSION_SQL) return;
    sent.push(sql);
    second ??= currentOrgVersion(db);
  });
  const first = await currentOrgVersion(db);
  expect(await second).toEqual(first);
  stop();
  expect(sent).toHaveLength(2);
});

it('a request sees every write committed before it asked, under a stream of requests', async () => {
  // Another instance on the same database writes one person after another, while this one
  // answers four clients asking without pause: a request started after a write committed
  // must find that person, whichever check it shared.
  const writer = secondApp(t);
  const committed: { email: string; at: number }[] = [];
  let writing = true;
  const misses: string[] = [];
  const client = async () => {
    while (writing) {
      const known = [...committed];
      const last = known.at(-1);
      if (!last) {
        await t.data('{ units { totalCount } }');
        continue;
      }
      const { person } = await t.data<{ person: { email: string } | null }>(PERSON, {
        email: last.email,
      });
      if (!person) misses.push(last.email);
    }
  };
  const clients = Array.from({ length: 4 }, client);
  for (let i = 0; i < 12; i++) {
    const email = `stream-${i}@example.com`;
    const response = await writer.fetch('http://orgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        query: `mutation { createPerson(input: { email: "${email}", name: "Stream ${i}" }) {
          userErrors { code } } }`,
      }),
    });
    expect(await response.json()).toEqual({ data: { createPerson: { userErrors: [] } } });
    committed.push({ email, at: performance.now() });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  writing = false;
  await Promise.all(clients);
  await writer.dispose();
  expect(misses).toEqual([]);
});
