import { GraphQLError } from 'graphql';
import type { Db } from '../db/database.js';
import { authorOf, type Viewer } from '../graphql/context.js';
import { tokensById } from './tokens.js';

/** How often the open streams' API tokens are checked for revocation (one query for all). */
const CHECK_MS = 400;

/**
 * Streams one caller may hold open at once: a dashboard holds one a tab. Each holds a
 * connection and its listeners, and any number of them ran the server out of connections.
 */
export const STREAMS_PER_CALLER = 32;

/**
 * Ends a caller's open streams (`orgChanged`) when their credential ends: a JWT at its expiry,
 * an API token within a second of being revoked — on whichever instance, or by the CLI, since
 * the revocation is read from the database. One query every CHECK_MS serves every open stream
 * of the instance, and none runs while no token-held stream is open.
 */
export class CredentialWatch {
  private readonly byToken = new Map<number, Set<AbortController>>();
  /** Open streams by caller (`authorOf`: a token by id, a JWT by subject, open reads as one). */
  private readonly byCaller = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  /** `db`: the app's current database handle (the pool, or PGlite). */
  constructor(private readonly db: () => Db) {}

  /** A signal that aborts when the viewer's credential ends; `release` once the stream ends. */
  watch(viewer: Viewer): { signal: AbortSignal; release: () => void } {
    const caller = authorOf(viewer);
    const held = this.byCaller.get(caller) ?? 0;
    if (held >= STREAMS_PER_CALLER) {
      throw new GraphQLError(
        `${STREAMS_PER_CALLER} orgChanged streams are open for this caller already: close one first`,
        { extensions: { code: 'TOO_MANY_STREAMS', limit: STREAMS_PER_CALLER } },
      );
    }
    this.byCaller.set(caller, held + 1);
    const ending = new AbortController();
    const releases: Array<() => void> = [() => this.closed(caller)];
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

  private closed(caller: string): void {
    const held = (this.byCaller.get(caller) ?? 1) - 1;
    if (held > 0) this.byCaller.set(caller, held);
    else this.byCaller.delete(caller);
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
