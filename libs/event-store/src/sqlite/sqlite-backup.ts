import { createHash } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GENESIS_HASH } from '../hash-chain.js';

export const BACKUP_MANIFEST = 'manifest.json';
export const BACKUP_LOG_FILE = 'events.sqlite';

/** What `backup` writes beside the copy of the log; `restore` checks the copy against it. */
export interface LogBackupManifest {
  format: 'refonda-event-log-backup';
  version: 1;
  createdAt: string;
  store: 'sqlite';
  /** The copy, in the backup directory. */
  file: string;
  /** The last position in the copy: every event up to it is there, none after it. */
  headPosition: string;
  /** The log's chained head hash at that position (log_head), GENESIS_HASH for an empty log. */
  headHash: string;
  events: number;
  bytes: number;
  sha256: string;
}

export class LogBackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogBackupError';
  }
}

export interface LogFileSummary {
  events: number;
  headPosition: bigint;
  headHash: string;
}

/** Events, last position and chained head of a log file, read in one transaction. */
export function summarizeLogFile(path: string): LogFileSummary {
  const db = new Database(path, { fileMustExist: true });
  try {
    return db.transaction(() => {
      const { events, last } = db.prepare('SELECT count(*) AS events, max(position) AS last FROM events').get() as {
        events: number;
        last: number | null;
      };
      const head = db.prepare('SELECT position, hash FROM log_head WHERE id = 1').get() as { position: number; hash: string } | undefined;
      if ((head?.position ?? null) !== last) {
        throw new LogBackupError(`log_head (position ${head?.position ?? 'none'}) disagrees with the last event (${last ?? 'none'})`);
      }
      return { events, headPosition: BigInt(last ?? 0), headHash: head?.hash ?? GENESIS_HASH };
    })();
  } finally {
    db.close();
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const digest = createHash('sha256');
  for await (const chunk of createReadStream(path)) digest.update(chunk as Buffer);
  return digest.digest('hex');
}

/**
 * An online, consistent copy of the SQLite log at `logPath` into `dir` (created, 0700), while other processes append:
 * SQLite's backup API, all pages in one step, so the copy is one read transaction's snapshot (appends go on meanwhile:
 * WAL). Copied in small steps, a backup starts over whenever another connection commits (193 times for a 45 MB log
 * under one steady writer), so the busier the API, the longer it takes.
 * The manifest is written last: a directory without one holds no finished backup.
 */
export async function backupSqliteLog(logPath: string, dir: string, now = new Date()): Promise<LogBackupManifest> {
  if (!existsSync(logPath)) throw new LogBackupError(`no event log at ${logPath}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const taken of [BACKUP_MANIFEST, BACKUP_LOG_FILE]) {
    // events.sqlite there may be a live log (`backup $DATA_DIR`): the copy would be renamed over it.
    if (existsSync(join(dir, taken))) throw new LogBackupError(`${dir} already holds ${taken}: back up into a new or empty directory`);
  }
  const partial = join(dir, `${BACKUP_LOG_FILE}.partial`);
  rmSync(partial, { force: true });
  const source = new Database(logPath, { readonly: true, fileMustExist: true, timeout: 30_000 });
  try {
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  chmodSync(partial, 0o600);
  const summary = summarizeLogFile(partial);
  const manifest: LogBackupManifest = {
    format: 'refonda-event-log-backup',
    version: 1,
    createdAt: now.toISOString(),
    store: 'sqlite',
    file: BACKUP_LOG_FILE,
    headPosition: summary.headPosition.toString(),
    headHash: summary.headHash,
    events: summary.events,
    bytes: statSync(partial).size,
    sha256: await sha256OfFile(partial),
  };
  renameSync(partial, join(dir, BACKUP_LOG_FILE));
  writeFileSync(join(dir, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}
