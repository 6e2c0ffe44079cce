import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { createDataDirectory, DATABASE_FILE_MODE } from './file-modes.js';
import { BACKUP_MANIFEST, LogBackupError, type LogBackupManifest, sha256OfFile, summarizeLogFile } from './sqlite-backup.js';

export interface RestoreResult {
  manifest: LogBackupManifest;
  /** Where a log replaced with `force` was moved (with its -wal and -shm files), if there was one. */
  replacedLogMovedTo?: string;
  /** The derived databases moved aside with `force` (with their side files): from, to. */
  derivedMovedAside: { from: string; to: string }[];
}

export interface RestoreOptions {
  force?: boolean;
  now?: Date;
  /**
   * The databases derived from the log (read models, process state), each with a checkpoint that the restored log may
   * not reach: those that exist are refused without `force`, moved aside with it, to be rebuilt from the restored log.
   */
  derived?: readonly string[];
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
const withSideFiles = (path: string) => [path, ...SIDE_FILES.map((side) => path + side)];

/** Renames `path` and its side files (SQLite reads a -wal beside a file as that file's) to `to`: the side files first. */
function moveWithSideFiles(path: string, to: string): void {
  for (const side of SIDE_FILES) if (existsSync(path + side)) renameSync(path + side, to + side);
  if (existsSync(path)) renameSync(path, to);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function refusal(logPath: string, existing: number | null, derived: readonly string[]): LogBackupError {
  const log = existing === null ? 'a file that is not an event log' : `a log of ${existing} events`;
  const held = [
    ...(existing === 0 ? [] : [`${logPath} already holds ${log}`]),
    ...(derived.length > 0 ? [`databases derived from the log it had (with their checkpoints) are there: ${derived.join(', ')}`] : []),
  ];
  return new LogBackupError(
    `${held.join('; ')}; restore into a fresh DATA_DIR, or pass --force to replace what is there ` +
      '(kept beside, renamed; the derived databases are rebuilt from the restored log)',
  );
}

/**
 * Puts the backup in `dir` back as the log at `logPath`: refuses a log that is open elsewhere, and an existing log
 * with events or existing derived databases unless `force` (they are then moved aside, not deleted); checks the copy's
 * sha256 and its head against the manifest; writes it with DATABASE_FILE_MODE under a temporary name, then renames it
 * into place. The derived databases are moved first: a crash before the log is in place leaves them to be rebuilt.
 */
export async function restoreSqliteLog(dir: string, logPath: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const manifest = readBackupManifest(dir);
  const copy = join(dir, manifest.file);
  if (!existsSync(copy)) throw new LogBackupError(`${copy} is missing`);
  if ((await sha256OfFile(copy)) !== manifest.sha256) throw new LogBackupError(`${copy} does not match the sha256 of ${BACKUP_MANIFEST}`);
  const derived = (options.derived ?? []).filter((path) => withSideFiles(path).some((f) => existsSync(f)));
  for (const path of [logPath, ...derived]) {
    if (openElsewhere(path)) throw new LogBackupError(`${path} is open in another process: stop the API (and any CLI) first`);
  }
  const existing = eventsIn(logPath);
  if ((existing !== 0 || derived.length > 0) && !options.force) throw refusal(logPath, existing, derived);
  createDataDirectory(dirname(logPath));
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
  chmodSync(incoming, DATABASE_FILE_MODE);
  fsyncPath(incoming);
  const replaced = `.replaced-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
  const derivedMovedAside = derived.map((from) => ({ from, to: from + replaced }));
  for (const { from, to } of derivedMovedAside) moveWithSideFiles(from, to);
  let replacedLogMovedTo: string | undefined;
  if (withSideFiles(logPath).some((f) => existsSync(f))) {
    replacedLogMovedTo = logPath + replaced;
    moveWithSideFiles(logPath, replacedLogMovedTo);
    if (existing === 0) {
      for (const file of withSideFiles(replacedLogMovedTo)) rmSync(file, { force: true });
      replacedLogMovedTo = undefined;
    }
  }
  renameSync(incoming, logPath);
  for (const d of new Set([dirname(logPath), ...derived.map((path) => dirname(path))])) fsyncPath(d);
  return { manifest, replacedLogMovedTo, derivedMovedAside };
}
