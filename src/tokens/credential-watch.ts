import type { Db } from '../db/client.js';
import type { Viewer } from '../graphql/context.js';
import { tokensById } from './tokens.js';

/** How often the open streams' API tokens are checked for revocation (one query for all). */
const CHECK_MS = 400;

/**
 * Ends a caller's open streams (`orgChanged`) when their credential ends: a JWT at its expiry,
 * an API token within a second of being revoked — on whichever instance, or by the CLI, since
 * the revocation is read from the database. One query every CHECK_MS serves every open stream
 * of the instance, and none runs while no token-held stream is open.
 */
export class CredentialWatch {
  private readonly byToken = new Map<number, Set<AbortController>>();
  private timer: NodeJS.Timeout | null = null;

  /** `db`: the app's current database handle (the pool, or PGlite). */
  constructor(private readonly db: () => Db) {}

  /** A signal that aborts when the viewer's credential ends; `release` once the stream ends. */
  watch(viewer: Viewer): { signal: AbortSignal; release: () => void } {
    const ending = new AbortController();
    const releases: Array<() => void> = [];
    if (viewer.expiresAt !== undefined) {
      const expiry = setTimeout(() => ending.abort(), Math.max(0, viewer.expiresAt - Date.now()));
      expiry.unref();
      releases.push(() => clearTimeout(expiry));
    }
    const { tokenId } = viewer;
    if (tokenId !== undefined) {
      const streams = this.byToken.get(tokenId) ?? new Set();
      this.byToken.set(tokenId, streams.add(ending));
      this.timer ??= setInterval(() => this.check(), CHECK_MS).unref();
      releases.push(() => this.forget(tokenId, ending));
    }
    const release = () => {
      for (const end of releases) end();
    };
    return { signal: ending.signal, release };
  }

  private forget(tokenId: number, ending: AbortController): void {
    const streams = this.byToken.get(tokenId);
    streams?.delete(ending);
    if (streams?.size === 0) this.byToken.delete(tokenId);
    if (this.byToken.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private async check(): Promise<void> {
    // A failed check ends nothing: the next one tries again.
    const tokens = await tokensById(this.db(), [...this.byToken.keys()]).catch(() => null);
    for (const token of tokens ?? []) {
      if (token.revokedAt === null) continue;
      for (const ending of this.byToken.get(token.id) ?? []) ending.abort();
    }
  }
}
