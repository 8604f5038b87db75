import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { refuseBadHost } from '../../src/server/host-guard.js';
import { listen } from '../../src/server/http-server.js';
import { createLogger } from '../../src/server/logging.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/** One raw request to `port` with this Host header: the whole answer, as the client sees it. */
function askWithHost(port: number, host: string, path = '/health'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('error', reject);
  });
}

// The server's wiring (serve.ts): a Host header that makes no URL was answered 500 with a
// stack trace (install path, bundle, line numbers) to anyone, and left no log line.
let t: TestApp;
let http: Server;
let port: number;
const logs: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  const logger = createLogger('info', { write: (line: string) => logs.push(line) });
  http = createServer(refuseBadHost(t.app, logger));
  ({ port } = (await listen(http, 0, '127.0.0.1')) as AddressInfo);
});
afterAll(async () => {
  http?.close();
  await t?.close();
});

it.each(['a b', '[::1', 'x:y:z', 'a%zz', 'a|b', 'localhost:4000, evil.example'])(
  'answers Host %j with 400 in one line, logged, no stack',
  async (host) => {
    const answer = await askWithHost(port, host, '/graphql?query=%7Bviewer%7Brole%7D%7D');
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(answer.split('\r\n\r\n')[1]).toBe('Bad Request: the Host header names no host.\n');
    const line = JSON.parse(logs.at(-1) ?? '{}');
    expect(line).toMatchObject({ level: 'warn', status: 400, path: '/graphql' });
    expect(line.msg).toBe('request refused: Host is no host');
  },
);

it('serves a request with a Host that is one', async () => {
  expect((await askWithHost(port, `127.0.0.1:${port}`)).split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
});
