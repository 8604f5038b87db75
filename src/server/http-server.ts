import type { Server } from 'node:http';
import { type AddressInfo, Server as Listener, type Socket } from 'node:net';

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
 * What a stop needs to know of a connection: its requests in progress, and if it asked any;
 * and since when nothing was under way (its start, or its last answer).
 */
interface Use {
  active: number;
  asked: boolean;
  since: number;
}
const uses = new WeakMap<Socket, Use>();

/**
 * The connections `server` serves, as they come and go: those it accepts and those a
 * worker's primary hands it (which `server.close` does not wait for).
 */
export function openConnections(server: Server): Set<Socket> {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    uses.set(socket, { active: 0, asked: false, since: Date.now() });
    socket.once('close', () => open.delete(socket));
  });
  server.on('request', (request, response) => {
    const use = uses.get(request.socket);
    if (!use) return;
    use.active += 1;
    use.asked = true;
    response.once('close', () => {
      use.active -= 1;
      if (use.active === 0) use.since = Date.now();
    });
  });
  return open;
}

/**
 * A connection just accepted may hold a request not read yet (sent while the process was
 * busy): it is left this long to show it before a stop takes it for idle.
 */
const SILENT_MS = 1_000;
/** How long a stop keeps listening, so that connections the kernel queued are accepted. */
export const QUEUED_MS = 100;

/** Answered all it asked, or asked nothing for SILENT_MS: a stop may close it. */
function isIdle(socket: Socket, now: number): boolean {
  const use = uses.get(socket);
  return use === undefined || (use.active === 0 && (use.asked || now - use.since > SILENT_MS));
}

/**
 * Nothing under way and nothing answered for `silentMs`: a new client may take its place. A
 * keep-alive connection answered just now may be sending its next request (not read yet): it
 * is left that long too, as a new one is (a review).
 */
function isQuiet(socket: Socket, now: number, silentMs = SILENT_MS): boolean {
  const use = uses.get(socket);
  return !socket.destroyed && use !== undefined && use.active === 0 && now - use.since > silentMs;
}

/** How much of the machine clients may hold: connections at once, and time stalled. */
export interface ConnectionLimits {
  maxConnections: number;
  stallTimeoutMs: number;
  /** How long a connection with nothing under way is left before a new client may take its place. */
  silentMs?: number;
}

/**
 * Bounds what clients hold. Past `maxConnections`, a connection serving no request for a
 * second (idle since its last answer, or silent: nothing asked, or its request's headers still
 * coming) gives way to the new one, the oldest connection first, so a client holding a
 * thousand sockets open and silent no longer keeps every other out until they time out; with
 * none such, the new one is closed as it comes. The process keeps its file descriptors and
 * memory for those it serves and for the database (counted here, not with
 * `server.maxConnections`, which never sees the connections a workers' primary hands over). A
 * connection on which nothing moves for `stallTimeoutMs` is closed: a client that stops
 * reading its answer held it, and the socket, for good (an `orgChanged` stream is never idle
 * that long: Yoga pings it every 12 s).
 */
export function limitConnections(server: Server, open: Set<Socket>, limits: ConnectionLimits) {
  server.timeout = limits.stallTimeoutMs;
  server.on('connection', (socket: Socket) => {
    if (open.size <= limits.maxConnections) return;
    const now = Date.now();
    let idle: Socket | undefined;
    for (const other of open) {
      if (other !== socket && isQuiet(other, now, limits.silentMs)) {
        idle = other;
        break;
      }
    }
    (idle ?? socket).destroy();
  });
}

/**
 * Stops serving: no new connections once QUEUED_MS have passed; requests in flight get up to
 * `graceMs` to finish (each connection is closed as soon as it is idle), then the rest are
 * cut. Resolves with how many connections had to be cut.
 */
export function drain(server: Server, open: Set<Socket>, graceMs: number): Promise<number> {
  // Connections the kernel queued while the process was busy hold requests sent before the
  // stop: accepted first (closing the listener at once reset them). Closed as a plain
  // listener: http's own close also closes each connection with no request read yet, one just
  // accepted holding a request among them.
  const stopListening = () => server.listening && Listener.prototype.close.call(server);
  return new Promise((resolve) => {
    let settled = false;
    const done = (cut: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(queued);
      clearInterval(idle);
      clearTimeout(grace);
      stopListening();
      resolve(cut);
    };
    const closeIdle = () => {
      const now = Date.now();
      for (const socket of open) if (isIdle(socket, now)) socket.destroy();
    };
    const doneIfNone = () => !server.listening && open.size === 0 && done(0);
    const queued = setTimeout(
      () => {
        stopListening();
        closeIdle();
        doneIfNone();
      },
      Math.min(QUEUED_MS, graceMs),
    );
    // A keep-alive connection is idle once its request is answered: closed then.
    const idle = setInterval(() => {
      closeIdle();
      doneIfNone();
    }, 100);
    const grace = setTimeout(() => {
      const cut = open.size;
      server.closeAllConnections();
      done(cut);
    }, graceMs);
  });
}
