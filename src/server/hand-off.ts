import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

const CONNECTION = 'orgraph:connection';
const TAKEN = 'orgraph:taken';
const READY = 'orgraph:ready';

interface Message {
  type?: string;
  id?: number;
  /** READY: the worker found the org without a unit (for the primary's start notes). */
  orgEmpty?: boolean;
}

const untold = () => {};

/**
 * The primary's side of the workers' port: it accepts each connection (paused, unread) and
 * hands it to a ready worker in turn, keeping its own copy until that worker says it took it.
 * Why not node:cluster's round-robin, which does the same: a worker killed before saying so
 * leaves that copy open for good, and its client waits with no answer and no close (nodejs/node
 * issue 21746). Here the copies a dead worker never took are closed: their clients see the
 * connection close, and retry. No connection goes to a worker before it is ready to serve.
 */
export class HandOff {
  private readonly ready: Worker[] = [];
  /** Accepted while no worker was ready: handed out when one is. */
  private readonly waiting: Socket[] = [];
  private readonly untaken = new Map<Worker, Map<number, Socket>>();
  private turn = 0;
  private lastId = 0;
  private closed = false;

  constructor(onReady: (worker: Worker, orgEmpty: boolean) => void) {
    cluster.on('message', (worker, message: Message | null) => {
      if (message?.type === READY) {
        this.ready.push(worker);
        onReady(worker, message.orgEmpty === true);
        for (const socket of this.waiting.splice(0)) this.hand(socket);
      } else if (message?.type === TAKEN) {
        const copies = this.untaken.get(worker);
        copies?.get(message.id as number)?.destroy();
        copies?.delete(message.id as number);
      }
    });
    cluster.on('exit', (worker) => this.lost(worker));
  }

  /** A connection accepted on the port, paused (`pauseOnConnect`): to a ready worker. */
  hand(socket: Socket): void {
    if (socket.destroyed) return;
    if (this.closed) return void socket.destroy();
    if (this.ready.length === 0) return void this.waiting.push(socket);
    const worker = this.ready[this.turn++ % this.ready.length] as Worker;
    const id = ++this.lastId;
    const copies = this.untaken.get(worker) ?? new Map<number, Socket>();
    this.untaken.set(worker, copies.set(id, socket));
    worker.send({ type: CONNECTION, id }, socket, { keepOpen: true }, (error) => {
      if (!error) return;
      // Never sent: the worker's channel closed, so it is going; another worker may take it.
      copies.delete(id);
      this.lost(worker);
      this.hand(socket);
    });
  }

  /** Stopping: the connections not yet handed out are closed, and so is every later one. */
  close(): void {
    this.closed = true;
    for (const socket of this.waiting.splice(0)) socket.destroy();
  }

  private lost(worker: Worker): void {
    const at = this.ready.indexOf(worker);
    if (at >= 0) this.ready.splice(at, 1);
    for (const socket of this.untaken.get(worker)?.values() ?? []) socket.destroy();
    this.untaken.delete(worker);
  }
}

/**
 * A worker's side: `server` serves the connections its primary hands it, and never listens
 * itself. Node sets up a server's connection tracking (its header and request timeouts,
 * `closeIdleConnections`) when the server says it is listening: this one says so as it
 * begins to take connections, which is what listening means for it. Its READY tells the
 * primary whether the org is empty, which the primary says as it starts.
 */
export function takeHandedConnections(server: Server, orgEmpty: boolean): void {
  server.emit('listening');
  process.on('message', (message: Message | null, socket?: Socket) => {
    if (message?.type !== CONNECTION) return;
    // A connection its client closed before it came has no socket: only its copy to release.
    if (socket) server.emit('connection', socket);
    process.send?.({ type: TAKEN, id: message.id }, undefined, {}, untold);
  });
  process.send?.({ type: READY, orgEmpty }, undefined, {}, untold);
}
