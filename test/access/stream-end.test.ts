import { describe, expect, it } from 'vitest';
import { subscribeToChanges } from '../helpers/subscriptions.js';
import { useTestOrg } from '../helpers/test-org.js';
import { identityProvider, ssoEnv } from './credentials.js';

/** A credential that ends (revoked, expired) ends its caller's open `orgChanged` streams. */
const CREATE = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiToken(input: { id: $id }) { userErrors { code } } }`;
const WRITE = `mutation { createPerson(input: { email: "noa@example.com", name: "Noa" }) {
  userErrors { code } } }`;

const idp = await identityProvider();
const t = useTestOrg({ people: [] }, { env: ssoEnv(idp.jwksPath) });

async function newToken(name: string) {
  const { createApiToken } = await t.data(CREATE, { input: { name, role: 'VIEWER' } });
  return { secret: createApiToken.token as string, id: createApiToken.apiToken.id as string };
}

/** Whether the stream completes within `ms`. */
async function endsWithin(stream: { completed: boolean }, ms: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; ) {
    if (stream.completed) return true;
    await new Promise((tick) => setTimeout(tick, 20));
  }
  return stream.completed;
}

describe('open streams of a credential that ends', () => {
  it('a revoked token: its streams end within a second, others go on', async () => {
    const [revoked, kept] = await Promise.all([newToken('revoked'), newToken('kept')]);
    const streams = await Promise.all(
      [revoked, revoked, kept].map((token) => subscribeToChanges(t.app, token.secret)),
    );
    await t.data(REVOKE, { id: revoked.id });
    const revokedAt = Date.now();
    expect(await endsWithin(streams[0] as { completed: boolean }, 1_000)).toBe(true);
    expect(await endsWithin(streams[1] as { completed: boolean }, 1_000)).toBe(true);
    console.info(`streams of a revoked token ended ${Date.now() - revokedAt} ms after`);
    const other = streams[2];
    expect(other?.completed).toBe(false);
    await t.data(WRITE);
    expect((await other?.next())?.version).toBeGreaterThan(0);
    for (const stream of streams) stream.close();
  });

  it('an expiring JWT: its stream ends when the JWT stops being accepted', async () => {
    // Past `exp` by 26 s: accepted for 3–4 s more (30 s of clock tolerance). Its stream ended
    // at `exp` itself, so a dashboard subscribed again, was accepted, and was ended at once,
    // every two seconds, for 30 s.
    const exp = Math.floor(Date.now() / 1000) - 26;
    const jwt = await idp.sign({ orgraph_role: 'VIEWER', exp });
    const stream = await subscribeToChanges(t.app, jwt);
    const endsAt = (exp + 30) * 1000;
    expect(await endsWithin(stream, endsAt - Date.now() - 1_000)).toBe(false);
    expect(await endsWithin(stream, endsAt - Date.now() + 1_000)).toBe(true);
    stream.close();
  });
});
