import { EventEmitter, on } from 'node:events';
import type { Logger } from 'pino';
import { z } from 'zod';
import { lastChangeAt } from '../audit/data.js';
import { type Database, driverError } from '../db/database.js';
import type { Listening } from '../db/listen.js';
import { ORG_CHANGED_CHANNEL, type OrgChange, readOrgVersion } from '../db/version.js';

export type { OrgChange } from '../db/version.js';

/** What a write announces; anything else NOTIFYd on the channel is not ours and ignored. */
const Announcement = z.object({ version: z.number().int(), at: z.iso.datetime() });

const CHANGE = 'change';
const CLOSED = 'closed';

/**
 * The stream with `onEnd` run once when it ends: finished, failed, or closed by its client —
 * at once, which an async generator cannot do (its `return()` waits behind the `next()` still
 * pending, so a closed stream would hold its listener until the next write). Once `until`
 * aborts, the stream ends as completed (not failed): its client sees it end.
 */
function ending<T>(
  stream: AsyncIterableIterator<T>,
  onEnd: () => void,
  until?: AbortSignal,
): AsyncIterableIterator<T> {
  let ended = false;
  const end = () => {
    if (!ended) onEnd();
    ended = true;
  };
  return {
    async next() {
      try {
        const result = await stream.next();
        if (result.done) end();
        return result;
      } catch (error) {
        end();
        if (until?.aborted) return { done: true, value: undefined };
        throw error;
      }
    },
    async return(value?: unknown) {
      end();
      return (await stream.return?.(value)) ?? { done: true, value };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * The org changes this instance hears of, for `subscription { orgChanged }`: every write's
 * announcement (db/version.ts) arrives through the database, from whichever instance — or
 * CLI — made it, so one path serves all. The LISTEN starts with the first subscriber (most
 * instances never have one) and lasts until `close()`, which also ends every open stream.
 */
export class OrgChangeFeed {
  private readonly events = new EventEmitter().setMaxListeners(0);
  private listening: Promise<Listening> | null = null;
  private closed = false;
  /** The newest version heard of: after a lost connection, tells whether a write was missed. */
  private lastVersion = 0;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {}

  /** This instance's own streams (the store kept fresh), not counted as subscribers. */
  private own = 0;

  /** How many `orgChanged` streams clients hold open. */
  get subscribers(): number {
    return this.events.listenerCount(CHANGE) - this.own;
  }

  /**
   * A stream of changes, each as the one-element array `events.on` yields, ended by `until`;
   * `onEnd` runs once it ends, however. Resolves once this instance is listening, so no write
   * committed after it is missed.
   */
  async subscribe(
    until?: AbortSignal,
    onEnd: () => void = () => {},
    { own = false } = {},
  ): Promise<AsyncIterableIterator<[OrgChange]>> {
    if (this.closed) throw new Error('the server is shutting down');
    this.listening ??= this.listen().catch((error) => {
      this.listening = null; // the next subscriber tries again
      throw error;
    });
    await this.listening;
    const stream = on(this.events, CHANGE, { close: [CLOSED], signal: until });
    if (own) this.own += 1;
    const ended = () => {
      if (own) this.own -= 1;
      onEnd();
    };
    return ending(stream as AsyncIterableIterator<[OrgChange]>, ended, until);
  }

  /** Ends every stream (their clients see the subscription complete) and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    this.events.emit(CLOSED);
    const listening = await this.listening?.catch(() => null);
    await listening?.close();
  }

  private async listen(): Promise<Listening> {
    const listening = await this.database.listen(ORG_CHANGED_CHANNEL, {
      onNotify: (payload) => this.announced(payload),
      // The driver's words, not drizzle's "Failed query: <SQL>" around them: no SQL in the log.
      onLost: (error) =>
        this.log.warn({ error: driverError(error).message }, 'org change feed: lost'),
      onReconnect: () => {
        this.log.info('org change feed: listening again');
        this.catchUp().catch((error) =>
          this.log.warn({ error: driverError(error).message }, 'org change feed: version unknown'),
        );
      },
    });
    const { version } = await readOrgVersion(this.database.db).catch(async (error) => {
      await listening.close();
      throw error;
    });
    this.lastVersion = Math.max(this.lastVersion, version);
    return listening;
  }

  private announced(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const change = Announcement.safeParse(parsed);
    if (change.success) this.heard(change.data);
  }

  private heard(change: OrgChange): void {
    if (change.version <= this.lastVersion) return;
    this.lastVersion = change.version;
    this.events.emit(CHANGE, change);
  }

  /**
   * Writes committed while the connection was down were announced to no one here: told as
   * the version now, written when the latest change was recorded (not when it was heard).
   */
  private async catchUp(): Promise<void> {
    const { version } = await readOrgVersion(this.database.db);
    if (version <= this.lastVersion) return;
    const at = (await lastChangeAt(this.database.db)) ?? new Date();
    this.heard({ version, at: at.toISOString() });
  }
}
