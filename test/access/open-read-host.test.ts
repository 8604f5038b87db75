import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { isOpenReadHost } from '../../src/tokens/open-read-host.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../helpers/app.js';
import { specDocument } from '../orgdoc/fixtures.js';

// A page of another site can rebind its name to this machine and read what open reads answer
// (the browser sends its name as Host, and holds the answers same-origin): they answered any.
describe('open reads answer only hosts that cannot be rebound, or that the operator listed', () => {
  let t: TestApp;
  let port: number;
  let server: ReturnType<typeof createServer>;
  beforeAll(async () => {
    t = await startTestApp({
      org: specDocument(),
      env: { ORGRAPH_OPEN_READ: 'VIEWER', ORGRAPH_OPEN_READ_HOSTS: 'orgraph.internal' },
    });
    server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server?.close();
    await t?.close();
  });

  /** `{ units { totalCount } }` over HTTP with `host` as the Host header, without a token. */
  const askAs = (host: string, authorization?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = JSON.stringify({ query: '{ units { totalCount } }' });
      const headers = {
        host,
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
      };
      const sent = request({ port, method: 'POST', path: '/graphql', headers }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      sent.on('error', reject);
      sent.end(body);
    });

  it('reads for a request sent to an IP address, localhost, or a listed name', async () => {
    const hosts = [
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      '192.168.1.20',
      `localhost:${port}`,
      'dash.localhost',
      'orgraph.internal',
      'ORGRAPH.Internal.:4000',
    ];
    for (const host of hosts) {
      const answer = await askAs(host);
      expect(answer.status, host).toBe(200);
      expect(JSON.parse(answer.body).data.units.totalCount, host).toBeGreaterThan(0);
    }
  });

  it('is the 401 of a request without a credential for any other name', async () => {
    for (const host of ['attacker.example', `rebind.attacker.example:${port}`, 'localhost.evil']) {
      const answer = await askAs(host);
      expect(answer.status, host).toBe(401);
      expect(JSON.parse(answer.body)).toEqual({
        errors: [
          expect.objectContaining({
            message: 'Authentication required: send "Authorization: Bearer <token>".',
          }),
        ],
      });
    }
  });

  it('leaves a credential alone: a token reads whatever the Host', async () => {
    const answer = await askAs('attacker.example', `Bearer ${ADMIN_TOKEN}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.units.totalCount).toBeGreaterThan(0);
  });
});

describe('isOpenReadHost', () => {
  it('takes IP addresses, localhost and listed names, in any case, with or without a port', () => {
    const listed = ['orgraph.internal'];
    const yes = [
      '127.0.0.1',
      '10.0.0.5:4000',
      '[::1]:4000',
      '[fe80::1]',
      'LOCALHOST',
      'a.localhost',
    ];
    for (const host of yes) expect(isOpenReadHost(host, listed), host).toBe(true);
    const no = ['', 'example.com', 'localhost.example.com', 'internal', '127.0.0.1.nip.io', 'a b'];
    for (const host of no) expect(isOpenReadHost(host, listed), host).toBe(false);
  });

  it('reads ORGRAPH_OPEN_READ_HOSTS as names, and refuses anything else', () => {
    const config = loadConfig({ ORGRAPH_OPEN_READ_HOSTS: ' Orgraph.Internal. , dash ' });
    expect(config.openReadHosts).toEqual(['orgraph.internal', 'dash']);
    expect(() => loadConfig({ ORGRAPH_OPEN_READ_HOSTS: 'https://x.example' })).toThrow(
      /Bad setting ORGRAPH_OPEN_READ_HOSTS: a comma-separated list of host names/,
    );
  });
});
