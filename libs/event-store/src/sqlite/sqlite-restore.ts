import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_MANIFEST, LogBackupError, type LogBackupManifest, sha256OfFile, summarizeLogFile } from './sqlite-backup.js';

export interface RestoreResult {
  manifest: LogBackupManifest;
  /** Where a log replaced with `force` was moved (with its -wal and -shm files), if there was one. */
  replacedLogMovedTo?: string;
}

export function readBackupManifest(dir: string): LogBackupManifest {
  const path = join(dir, BACKUP_MANIFEST);
  if (!existsSync(path)) throw new LogBackupError(`no ${BACKUP_MANIFEST} in ${dir}: not a finished backup`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as LogBackupManifest;
  if (manifest.format !== 'refonda-event-log-backup' || manifest.version !== 1 || manifest.store !== 'sqlite') {
    throw new LogBackupError(`${path} is not a backup of the embedded SQLite log this version reads`);
  }
  if (basename(manifest.file) !== manifest.file) throw new LogBackupError(`${path}: "file" must name a file of the backup directory`);
  return manifest;
}

/** Events in the log at `path` (0 for a missing or empty file); null when it cannot be read as an event log. */
function eventsIn(path: string): number | null {
  if (!existsSync(path) || statSync(path).size === 0) return 0;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Whether another connection (a running API, a CLI) has the log open: every WAL connection holds a shared lock. */
function openElsewhere(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    return false; // not a database: eventsIn says so
  } finally {
    db.close();
  }
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts the backup in `dir` back as the log at `logPath`: refuses a log that is open elsewhere, and an existing log
 * with events unless `force` (it is then moved aside, not deleted); checks the copy's sha256 and its head against the
 * manifest; writes it with mode 0600 under a temporary name, then renames it into place. The replaced log's side
 * files (-wal, -shm) go with it, first: SQLite reads a -wal beside a file as that file's.
 */
export async function restoreSqliteLog(
  dir: string,
  logPath: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  const manifest = readBackupManifest(dir);
  const copy = join(dir, manifest.file);
  if (!existsSync(copy)) throw new LogBackupError(`${copy} is missing`);
  if ((await sha256OfFile(copy)) !== manifest.sha256) throw new LogBackupError(`${copy} does not match the sha256 of ${BACKUP_MANIFEST}`);
  if (openElsewhere(logPath)) throw new LogBackupError(`${logPath} is open in another process: stop the API (and any CLI) first`);
  const existing = eventsIn(logPath);
  if (existing !== 0 && !options.force) {
    throw new LogBackupError(
      `${logPath} already holds ${existing === null ? 'a file that is not an event log' : `a log of ${existing} events`}; ` +
        'restore into a fresh DATA_DIR, or pass --force to replace it (it is kept beside, renamed)',
    );
  }
  mkdirSync(dirname(logPath), { recursive: true, mode: 0o700 });
  const incoming = `${logPath}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(copy, incoming);
  const summary = summarizeLogFile(incoming);
  if (
    summary.headPosition.toString() !== manifest.headPosition ||
    summary.headHash !== manifest.headHash ||
    summary.events !== manifest.events
  ) {
    rmSync(incoming, { force: true });
    throw new LogBackupError(`${copy} disagrees with ${BACKUP_MANIFEST} (head, hash or event count)`);
  }
  chmodSync(incoming, 0o600);
  fsyncPath(incoming);
  let replacedLogMovedTo: string | undefined;
  if (existsSync(logPath)) {
    replacedLogMovedTo = `${logPath}.replaced-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    for (const side of SIDE_FILES) if (existsSync(logPath + side)) renameSync(logPath + side, replacedLogMovedTo + side);
    renameSync(logPath, replacedLogMovedTo);
    if (existing === 0) {
      for (const file of [replacedLogMovedTo, ...SIDE_FILES.map((s) => replacedLogMovedTo + s)]) rmSync(file, { force: true });
      replacedLogMovedTo = undefined;
    }
  }
  renameSync(incoming, logPath);
  fsyncPath(dirname(logPath));
  return { manifest, replacedLogMovedTo };
}
