import { isIP } from 'node:net';

/**
 * Whether a request without a credential, sent to `host` (the `host` of its URL: its Host
 * header), may read as the operator opened (ORGRAPH_OPEN_READ). A web page of another site
 * that rebinds its own name to this machine's address reaches the server with that name as
 * its Host, and the browser lets the page read the answers (same origin to it): so open reads
 * answer a name only when it cannot be rebound — an IP address, `localhost` and its
 * subdomains (browsers resolve those to loopback themselves) — or one the operator listed
 * (ORGRAPH_OPEN_READ_HOSTS), as development servers guard the same way.
 */
export function isOpenReadHost(host: string, listed: readonly string[]): boolean {
  const name = hostname(host);
  if (name === null) return false;
  if (isIP(name) !== 0) return true;
  return name === 'localhost' || name.endsWith('.localhost') || listed.includes(name);
}

/** `Host`'s name in lower case, without port, brackets or a final dot; null when unreadable. */
function hostname(host: string): string | null {
  try {
    const { hostname } = new URL(`http://${host}`);
    return hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  } catch {
    return null;
  }
}
