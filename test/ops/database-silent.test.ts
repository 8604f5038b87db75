import { randomBytes } from 'node:crypto';
import { createServer, type Socket, connect as tcp } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startServer } from './processes.js';

// A database that stops answering without closing its connections (a network partition, a
// firewall dropping packets): reads, /ready and SIGTERM hung for good, a second SIGTERM was
// ignored, and only SIGKILL ended the server. PostgreSQL only: a proxy stands between them.
const serverUrl = process.env.DATABASE_URL;
const name = `orgraph_ops_${randomBytes(5).toString('hex')}`;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

/** A TCP proxy to PostgreSQL that can go silent: its sockets stay open, nothing passes. */
function silentProxy(target: URL) {
  const sockets = new Set<Socket>();
  let silent = false;
  const proxy = createServer((client) => {
    if (silent) return void sockets.add(client); // accepted, never answered
    const upstream = tcp(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => silent || to.write(chunk));
      from.on('error', () => {});
      from.on('close', () => silent || to.destroy());
    }
  });
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as { port: number }).port)),
      ),
    silence: () => {
      silent = true;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      proxy.close();
    },
  };
}

describe.skipIf(!serverUrl)('a database gone silent (PostgreSQL only: set DATABASE_URL)', () => {
  const proxy = silentProxy(new URL(serverUrl ?? 'postgres://127.0.0.1'));
  beforeAll(() => admin(`create database ${name}`));
  afterAll(async () => {
    proxy.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('fails its requests and /ready, and a SIGTERM still stops the server', async () => {
    const url = new URL(serverUrl as string);
    url.host = `127.0.0.1:${await proxy.listen()}`;
    url.pathname = `/${name}`;
    const server = await startServer({
      DATABASE_URL: url.toString(),
      ORGRAPH_DB_CONNECT_TIMEOUT_MS: '1000',
      ORGRAPH_DB_STATEMENT_TIMEOUT_MS: '2000',
      ORGRAPH_SHUTDOWN_GRACE_MS: '1000',
    });
    try {
      for (let i = 0; i < 4; i += 1)
        expect((await gql(server.url, '{ coverage { benchStrength } }')).status).toBe(200);
      proxy.silence();
      const started = Date.now();
      const [read, ready] = await Promise.all([
        gql(server.url, '{ changes(first: 1) { totalCount } }'),
        fetch(`${server.url}/ready`).then((r) => r.status),
      ]);
      expect(read.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(ready).toBe(503);
      expect(Date.now() - started).toBeLessThan(10_000);
      const stopping = Date.now();
      expect(await server.stop('SIGTERM')).toBe(0);
      // The grace (1 s) and at most five seconds more for what will not close.
      expect(Date.now() - stopping).toBeLessThan(8_000);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }, 60_000);
});
