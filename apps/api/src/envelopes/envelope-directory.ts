import Database from 'better-sqlite3';
import type { Subscription } from 'rxjs';
import type { EventStore } from '#event-store';
import { type EnvelopeOpened, envelopeIdFromStream } from '#funding';

export interface EnvelopeFilter {
  fund?: string;
  territory?: string;
  year?: number;
}

/**
 * This API's own read model of which envelopes exist (fund, territory, period), from 'envelope.opened' events,
 * with its checkpoint in the same SQLite transaction. GET /envelopes lists from it, then folds each stream.
 */
export class EnvelopeDirectory {
  private readonly db: Database.Database;
  private subscription?: Subscription;
  private position: bigint;
  private failure?: string;

  constructor(path: string, private readonly store: EventStore) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS envelope_directory (
        envelope_id TEXT PRIMARY KEY, fund TEXT NOT NULL, territory_code TEXT NOT NULL, from_year INTEGER NOT NULL, to_year INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS envelope_directory_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);`);
    const row = this.db.prepare<[], { position: number }>('SELECT position FROM envelope_directory_checkpoint WHERE id = 1').get();
    this.position = BigInt(row?.position ?? 0);
  }

  start(): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO envelope_directory VALUES (?, ?, ?, ?, ?)');
    const advance = this.db.prepare('INSERT INTO envelope_directory_checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position');
    this.subscription = this.store.subscribeToAll({ fromPosition: this.position }).subscribe({
      next: (e) => {
        const id = e.type === 'envelope.opened' ? envelopeIdFromStream(e.streamId) : undefined;
        const d = e.data as Partial<EnvelopeOpened['data']>;
        // a malformed opening (not written by the decider) is left out of the directory rather than stopping it
        if (id && d.fund && d.territoryCode && Number.isInteger(d.period?.fromYear) && Number.isInteger(d.period?.toYear)) {
          this.db.transaction(() => {
            insert.run(id, d.fund, d.territoryCode, d.period!.fromYear, d.period!.toYear);
            advance.run(Number(e.position));
          })();
        }
        this.position = e.position;
      },
      error: (error) => { this.failure = (error as Error).message; },
    });
  }

  /** Ids of the envelopes matching the filter (a year matches every envelope whose period covers it). */
  list(filter: EnvelopeFilter): string[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.fund) { where.push('fund = ?'); params.push(filter.fund); }
    if (filter.territory) { where.push('territory_code = ?'); params.push(filter.territory); }
    if (filter.year !== undefined) { where.push('from_year <= ? AND to_year >= ?'); params.push(filter.year, filter.year); }
    return this.db.prepare<unknown[], { envelope_id: string }>(`SELECT envelope_id FROM envelope_directory ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY envelope_id`)
      .all(...params).map((r) => r.envelope_id);
  }

  /** Waits (bounded) until the directory has seen `position`; false on timeout. */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const until = performance.now() + timeoutMs;
    while (this.position < position) {
      if (this.failure || performance.now() > until) return false;
      await new Promise((r) => setTimeout(r, 5));
    }
    return true;
  }

  close(): void {
    this.subscription?.unsubscribe();
    if (this.db.open) this.db.close();
  }
}
