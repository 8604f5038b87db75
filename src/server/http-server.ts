import type { Server } from 'node:http';
import type { AddressInfo, Server as Listener, Socket } from 'node:net';

/** Listens, or rejects with the listen error (EADDRINUSE…) instead of emitting it. */
export function listen(server: Listener, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Whether a HOST binds every interface (`0.0.0.0`, `::`): no address to open itself. */
export const isEveryInterface = (address: string) => address === '0.0.0.0' || address === '::';

/** Where a process on this machine reaches the server (the CLI), whatever HOST it binds. */
export function localUrl({ address, family, port }: AddressInfo): string {
  if (isEveryInterface(address))
    return `http://${family === 'IPv6' ? '[::1]' : '127.0.0.1'}:${port}`;
  return family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}

/**
 * The connections `server` serves, as they come and go: those it accepts and those a
 * worker's primary hands it (which `server.close` does not wait for).
 */
export function openConnections(server: Server): Set<Socket> {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return open;
}

/** How much of the machine clients may hold: connections at once, and time stalled. */
export interface ConnectionLimits {
  maxConnections: number;
  stallTimeoutMs: number;
}

/**
 * Bounds what clients hold. A connection past `maxConnections` is closed as it comes, so the
 * process keeps its file descriptors and memory for those it serves and for the database
 * (counted here, not with `server.maxConnections`, which never sees the connections a
 * workers' primary hands over). A connection on which nothing moves for `stallTimeoutMs` is
 * closed: a client that stops reading its answer held it, and the socket, for good (an
 * `orgChanged` stream is never idle that long: Yoga pings it every 12 s).
 */
export function limitConnections(server: Server, open: Set<Socket>, limits: ConnectionLimits) {
  server.timeout = limits.stallTimeoutMs;
  server.on('connection', (socket: Socket) => {
    if (open.size > limits.maxConnections) socket.destroy();
  });
}

/**
 * Stops serving: no new connections; requests in flight get up to `graceMs` to finish
 * (each keep-alive connection is closed as soon as it is idle), then the rest are cut.
 * Resolves with how many connections had to be cut.
 */
export function drain(server: Server, open: Set<Socket>, graceMs: number): Promise<number> {
  if (server.listening) server.close();
  return new Promise((resolve) => {
    const done = (cut: number) => {
      clearInterval(idle);
      clearTimeout(grace);
      resolve(cut);
    };
    const doneIfNone = () => open.size === 0 && done(0);
    for (const socket of open) socket.once('close', doneIfNone);
    // A keep-alive connection is idle once its request is answered: closed then.
    const idle = setInterval(() => {
      server.closeIdleConnections();
      doneIfNone();
    }, 100);
    const grace = setTimeout(() => {
      const cut = open.size;
      server.closeAllConnections();
      done(cut);
    }, graceMs);
    server.closeIdleConnections();
    doneIfNone();
  });
}
