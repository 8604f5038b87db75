import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens, or rejects with the listen error (EADDRINUSE…) instead of emitting it. */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Where a process on this machine reaches the server (the CLI), whatever HOST it binds. */
export function localUrl({ address, family, port }: AddressInfo): string {
  if (address === '0.0.0.0') return `http://127.0.0.1:${port}`;
  if (address === '::') return `http://[::1]:${port}`;
  return family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}

/**
 * Stops serving: no new connections; requests in flight get up to `graceMs` to finish
 * (each keep-alive connection is closed as soon as it is idle), then the rest are cut.
 * Resolves with how many connections had to be cut.
 */
export function drain(server: Server, graceMs: number): Promise<number> {
  return new Promise((resolve) => {
    let cut = 0;
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const grace = setTimeout(() => {
      server.getConnections((_error, open) => {
        cut = open;
        server.closeAllConnections();
      });
    }, graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(grace);
      resolve(cut);
    });
    server.closeIdleConnections();
  });
}
