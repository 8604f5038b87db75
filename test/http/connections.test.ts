import { createServer } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { drain, listen, openConnections } from '../../src/server/http-server.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { useTestOrg } from '../helpers/test-org.js';
import { specDocument } from '../orgdoc/fixtures.js';

// A stop finishes the requests sent before it (SPEC: "finishes requests in flight"). One sent
// while the process was busy, still in the kernel's accept queue when the listener closed, was
// reset; a connection that never asked anything held the stop for its whole grace period.
const t = useTestOrg(specDocument());

const BODY = JSON.stringify({ query: '{ units { totalCount } }' });
const REQUEST = [
  'POST /graphql HTTP/1.1',
  'Host: 127.0.0.1',
  `authorization: Bearer ${ADMIN_TOKEN}`,
  'content-type: application/json',
  `content-length: ${Buffer.byteLength(BODY)}`,
  'connection: close',
  '',
  BODY,
].join('\r\n');

/** What the socket receives until it closes, or how it ended. */
const received = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
  });

const servers: Array<() => void> = [];
afterEach(() => {
  for (const close of servers.splice(0)) close();
});

async function serving() {
  const server = createServer(t.app);
  const connections = openConnections(server);
  const { port } = await listen(server, 0, '127.0.0.1');
  servers.push(() => server.closeAllConnections());
  return { server, connections, port };
}

it('answers a request the kernel queued while the process was busy', async () => {
  const { server, connections, port } = await serving();
  const socket = connect(port, '127.0.0.1');
  socket.write(REQUEST);
  const answer = received(socket);
  // The connection is made on the next tick; the event loop, busy, accepts nothing meanwhile.
  await new Promise((resolve) => process.nextTick(resolve));
  const until = Date.now() + 50;
  while (Date.now() < until);
  const draining = drain(server, connections, 5_000);
  expect(await answer).toBe('HTTP/1.1 200 OK');
  expect(await draining).toBe(0);
});

it('answers a request on a connection accepted but not read yet (not taken for idle)', async () => {
  const { server, connections, port } = await serving();
  const socket = connect(port, '127.0.0.1');
  const answer = received(socket);
  await expect.poll(() => connections.size).toBe(1);
  const draining = drain(server, connections, 5_000);
  socket.write(REQUEST);
  expect(await answer).toBe('HTTP/1.1 200 OK');
  expect(await draining).toBe(0);
});

it('closes a connection that asks nothing, once it has been silent a while', async () => {
  const { server, connections, port } = await serving();
  const socket = connect(port, '127.0.0.1');
  const answer = received(socket);
  await expect.poll(() => connections.size).toBe(1);
  const started = Date.now();
  expect(await drain(server, connections, 5_000)).toBe(0);
  expect(Date.now() - started).toBeLessThan(2_500);
  expect(await answer).toBe('');
});

it('logs a body cut short of its Content-Length as cut off, not as bad JSON answered 200', async () => {
  const { port } = await serving();
  const socket = connect(port, '127.0.0.1');
  const answer = received(socket);
  const [head] = REQUEST.split(`\r\n\r\n${BODY}`);
  const longer = head?.replace(/content-length: \d+/, `content-length: ${BODY.length + 20}`);
  socket.write(`${longer}\r\n\r\n${BODY}`);
  // The server reading the body it was promised more of, the client goes.
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.end();
  expect(await answer).toBe('HTTP/1.1 400 Bad Request');
  await expect
    .poll(() => JSON.parse(t.logs.at(-1) ?? '{}'))
    .toMatchObject({
      status: 400,
      error: { message: 'the request could not be read to its end (the client closed it)' },
    });
});
