import type { ServerResponse } from 'node:http';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DashboardQueries, ProjectionRunner } from '#projections';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';

interface Client {
  res: ServerResponse;
  /** Position of the last snapshot written to this client. */
  sent: bigint;
  /** The socket buffer is full: skip ticks until it drains, then send the latest. */
  blocked: boolean;
}

interface Message {
  position: bigint;
  text: string;
}

export const STREAM_TICK_MS = 250;
const HEARTBEAT_MS = 15_000;

/**
 * The live stream behind GET /dashboard/stream. One shared ticker: when the read models' position
 * moved, one snapshot is computed and written to every client with `id: <position>`, so a client
 * gets at most one message per tick however many events land. Snapshots are cumulative: a client
 * reconnecting with a Last-Event-ID below the current position gets the current one at once and
 * has missed nothing. Clients live in a Set and leave it on 'close'.
 */
@Injectable()
export class DashboardStream implements OnModuleInit, BeforeApplicationShutdown {
  private readonly clients = new Set<Client>();
  private timer: NodeJS.Timeout | undefined;
  private latest: Message | undefined;
  private lastWrite = 0;

  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(DashboardQueries) private readonly queries: DashboardQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.tick(), STREAM_TICK_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }

  /** Connected clients (the leak check counts them). */
  get size(): number {
    return this.clients.size;
  }

  connect(res: ServerResponse, lastEventId: bigint | undefined): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    const client: Client = { res, sent: lastEventId ?? -1n, blocked: false };
    this.clients.add(client);
    res.once('close', () => this.clients.delete(client));
    this.send(client, this.current());
  }

  private tick(): void {
    if (this.clients.size === 0) return;
    const before = this.latest?.position;
    const message = this.current();
    if (message.position !== before) {
      for (const c of this.clients) this.send(c, message);
      this.lastWrite = Date.now();
    } else if (Date.now() - this.lastWrite > HEARTBEAT_MS) {
      for (const c of this.clients) if (!c.blocked) c.res.write(': ping\n\n');
      this.lastWrite = Date.now();
    }
  }

  /** The snapshot at the read models' position, computed once per position whatever the number of clients. */
  private current(): Message {
    const position = this.runner.position();
    if (this.latest?.position !== position) {
      const snapshot = this.queries.snapshot(position, this.clock.now());
      this.latest = { position, text: `id: ${position}\nevent: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n` };
    }
    return this.latest;
  }

  private send(c: Client, m: Message): void {
    if (c.blocked || c.sent >= m.position || c.res.destroyed) return;
    c.sent = m.position;
    if (c.res.write(m.text)) return;
    c.blocked = true;
    c.res.once('drain', () => {
      c.blocked = false;
      if (this.latest && this.clients.has(c)) this.send(c, this.latest);
    });
  }
}
