import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { scratchDir } from '../ops/processes.js';
import { identityProvider, ssoEnv } from './credentials.js';

/**
 * ORGRAPH_JWKS as an https URL, against a provider served by the test itself on 127.0.0.1
 * (a self-signed certificate: verification is off in this test process only; no network).
 */
let t: TestApp;
let server: Server;
let port = 0;
let published: object[] = [];
let fetches = 0;
const first = await identityProvider('key-1');
const second = await identityProvider('key-2');

beforeAll(async () => {
  const dir = scratchDir();
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const subject = ['-subj', '/CN=127.0.0.1', '-days', '1', '-nodes'];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-keyout', key, '-out', cert, ...subject],
    { stdio: 'ignore' },
  );
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  server = createServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (request, response) => {
      if (request.url === '/down') {
        response.statusCode = 502;
        response.end('<html>Bad gateway</html>');
        return;
      }
      fetches += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: published }));
    },
  );
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  ({ port } = server.address() as AddressInfo);
  t = await startTestApp({ env: ssoEnv(`https://127.0.0.1:${port}/jwks`) });
});
afterAll(async () => {
  vi.useRealTimers();
  // The worker's next test files run in this same process (vitest.config.ts: isolate).
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  server.close();
  await t.close();
});

const roleOf = async (jwt: string) => {
  const result = await t.gql('{ viewer { role } }', {}, { token: jwt });
  return result.status === 200 ? result.data?.viewer.role : result.errors?.[0]?.message;
};

describe('a JWKS URL', () => {
  it('is fetched once and cached, and follows the provider through a key rotation', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    published = [first.publicJwk];
    expect(await roleOf(await first.sign({ orgraph_role: 'VIEWER' }))).toBe('VIEWER');
    expect(await roleOf(await first.sign({ orgraph_role: 'PLANNER' }))).toBe('PLANNER');
    expect(fetches).toBe(1);

    // The provider starts signing with a key it has not published yet: refused.
    expect(await roleOf(await second.sign({ orgraph_role: 'VIEWER' }))).toMatch(
      /no applicable key/,
    );
    // It publishes the new key; a token naming it makes orgraph fetch the set again.
    published = [first.publicJwk, second.publicJwk];
    vi.setSystemTime(Date.now() + 31_000);
    expect(await roleOf(await second.sign({ orgraph_role: 'ADMIN' }))).toBe('ADMIN');
    expect(fetches).toBe(2);

    // It retires the old key: once the cached set expires, the old key is refused.
    published = [second.publicJwk];
    vi.setSystemTime(Date.now() + 11 * 60_000);
    expect(await roleOf(await first.sign({ orgraph_role: 'VIEWER' }))).toMatch(/no applicable key/);
    expect(await roleOf(await second.sign({ orgraph_role: 'VIEWER' }))).toBe('VIEWER');
    vi.useRealTimers();
  });
});

describe('a JWKS URL that does not answer', () => {
  const closed = async () => {
    const probe = createServer();
    await new Promise<void>((listening) => probe.listen(0, '127.0.0.1', listening));
    const free = (probe.address() as AddressInfo).port;
    await new Promise((done) => probe.close(done));
    return `https://127.0.0.1:${free}/jwks`;
  };
  const urls: [string, () => Promise<string>][] = [
    ['refusing connections', closed],
    ['answering an error page', async () => `https://127.0.0.1:${port}/down`],
  ];

  it.each(urls)('%s: IDENTITY_PROVIDER_UNAVAILABLE (503), not the database', async (_, url) => {
    const down = await startTestApp({ env: ssoEnv(await url()) });
    try {
      const result = await down.gql(
        '{ viewer { role } }',
        {},
        { token: await first.sign({ orgraph_role: 'VIEWER' }) },
      );
      expect(result.status).toBe(503);
      expect(result.errors?.[0]?.extensions?.code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
      expect(result.errors?.[0]?.message).toMatch(/identity provider/);
      expect(down.logs.join('\n')).toContain('identity provider unavailable');
      // An API token still works meanwhile.
      expect((await down.gql('{ viewer { role } }')).data?.viewer.role).toBe('ADMIN');
    } finally {
      await down.close();
    }
  });
});
