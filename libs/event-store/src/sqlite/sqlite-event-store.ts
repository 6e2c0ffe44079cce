import Database from 'better-sqlite3';
import { Observable } from 'rxjs';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port.js';
import { StoreClosedError } from '../event-store.errors.js';
import type { SnapshotStore } from '../snapshots/snapshot-store.port.js';
import { UpcasterRegistry } from '../upcasting/upcaster.registry.js';
import { toJson, validateAppend } from '../validate-append.js';
import { ChangeNotifier } from './change-notifier.js';
import { restrictDatabaseFile } from './file-modes.js';
import { SqliteSnapshots } from './sqlite-snapshots.js';
import { GroupCommitter } from './group-committer.js';
import { LimitedStatements } from './limited-statements.js';
import { EVENT_COLUMNS, fromRaw, type RawEventRow } from './sqlite.rows.js';
import { applyPragmas, applySchema } from './sqlite.schema.js';

export interface SqliteEventStoreOptions {
  /** A file path (several processes may open the same file) or ':memory:'. */
  path: string;
  upcasters?: UpcasterRegistry;
  /** How often a waiting subscription checks for appends by other processes. */
  pollIntervalMs?: number;
  busyTimeoutMs?: number;
  /** Source of `recordedAt`; injected so tests can move time. */
  now?: () => number;
  /** Subscription catch-up page size. */
  batchSize?: number;
  /** Told the size of every group committed (metrics). */
  onGroupCommit?: (appends: number) => void;
}

const ALL = Number.MAX_SAFE_INTEGER;

/** The embedded event store: one SQLite file, WAL, synchronous=FULL, group commit. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly upcasters: UpcasterRegistry;
  private readonly notifier: ChangeNotifier;
  private readonly committer: GroupCommitter;
  private readonly batchSize: number;
  private closed = false;
  private readonly stmts;
  readonly snapshots: SnapshotStore;

  constructor(options: SqliteEventStoreOptions) {
    restrictDatabaseFile(options.path);
    this.db = new Database(options.path);
    applyPragmas(this.db, options.busyTimeoutMs ?? 5000);
    applySchema(this.db);
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.batchSize = options.batchSize ?? 1000;
    this.notifier = new ChangeNotifier(this.db, options.pollIntervalMs ?? 10);
    this.committer = new GroupCommitter(this.db, options.now ?? Date.now, (appends) => {
      this.notifier.notify();
      options.onGroupCommit?.(appends);
    });
    this.stmts = {
      forwards: new LimitedStatements<[string, number], RawEventRow>(
        this.db,
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`,
      ),
      backwards: new LimitedStatements<[string, number], RawEventRow>(
        this.db,
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC`,
      ),
      all: new LimitedStatements<[number], RawEventRow>(
        this.db,
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position`,
      ),
      head: this.db.prepare<[], { p: number | null }>('SELECT max(position) AS p FROM events'),
    };
    this.snapshots = new SqliteSnapshots(this.db, () => this.assertOpen(), options.now ?? Date.now);
  }

  /** Group-commit counters (transactions committed, appends answered). */
  get stats(): Readonly<{ commits: number; appends: number }> {
    return this.committer.stats;
  }

  /** The underlying file path, for tools (audit verify) that read the file directly. */
  get name(): string {
    return this.db.name;
  }

  appendToStream(streamId: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    try {
      validateAppend(streamId, events, options?.expectedRevision);
      const prepared = events.map((e) => ({
        id: e.id.toLowerCase(),
        type: e.type,
        schemaVersion: e.schemaVersion ?? this.upcasters.currentVersion(e.type),
        dataJson: toJson(e.data, `event ${e.id} data`),
        metadataJson: toJson(e.metadata ?? {}, `event ${e.id} metadata`),
      }));
      return this.committer.enqueue({ streamId, expected: options.expectedRevision, events: prepared });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const rows =
      options.direction === 'backwards'
        ? this.stmts.backwards.for(options.maxCount).all(streamId, options.fromRevision === undefined ? ALL : Number(options.fromRevision))
        : this.stmts.forwards.for(options.maxCount).all(streamId, Number(options.fromRevision ?? 0n));
    return this.decode(rows);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readAllSync(Number(options.fromPosition ?? 0n), options.maxCount, options.stored);
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return BigInt(this.stmts.head.get()?.p ?? 0);
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    return new Observable<RecordedEvent>((subscriber) => {
      let last = Number(options.fromPosition ?? 0n);
      let active = true;
      let cancelWait = () => {};
      const run = async () => {
        while (active && !this.closed) {
          const batch = this.readAllSync(last + 1, this.batchSize);
          for (const event of batch) {
            if (!active) return;
            subscriber.next(event);
            last = Number(event.position);
          }
          if (batch.length < this.batchSize) {
            const wait = this.notifier.next();
            cancelWait = wait.cancel;
            await wait.changed;
          } else await new Promise((r) => setImmediate(r));
        }
        if (active) subscriber.complete();
      };
      run().catch((error) => subscriber.error(error));
      return () => {
        active = false;
        cancelWait();
      };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.committer.drain();
    this.closed = true;
    this.notifier.stop();
    this.db.close();
  }

  private readAllSync(from: number, max: number | undefined, stored = false): RecordedEvent[] {
    if (this.closed) return [];
    const rows = this.stmts.all.for(max).all(from);
    return stored ? rows.map(fromRaw) : this.decode(rows);
  }

  private decode(rows: RawEventRow[]): RecordedEvent[] {
    const out = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = this.upcasters.upcast(fromRaw(rows[i]!));
    return out;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
