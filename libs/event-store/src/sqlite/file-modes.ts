import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * The event log, the read models and the checkpoints: the owner reads and writes; the file's group may read, so that
 * an operator's backup group can copy them (`chgrp` DATA_DIR and set its setgid bit); nobody else.
 */
export const DATABASE_FILE_MODE = 0o640;
/** DATA_DIR: the owner, and the group that reads the backups; nobody else may list it. */
export const DATA_DIR_MODE = 0o750;

const SIDECARS = ['', '-wal', '-shm', '-journal'];

/**
 * Before SQLite opens `path`: creates it with DATABASE_FILE_MODE if it is missing (a umask can only narrow that mode),
 * and narrows an existing file, -wal, -shm or -journal with a looser mode (with a warning naming it). SQLite creates
 * its -wal and -shm files with the mode of the database file, so they follow.
 */
export function restrictDatabaseFile(path: string): void {
  if (path === '' || path === ':memory:' || path.startsWith('file:')) return;
  if (modeOf(path) === undefined) closeSync(openSync(path, 'a', DATABASE_FILE_MODE)); // 'a': another process may create it first
  for (const file of SIDECARS.map((suffix) => path + suffix)) {
    const mode = modeOf(file);
    if (mode === undefined || (mode & ~DATABASE_FILE_MODE) === 0) continue;
    chmodSync(file, mode & DATABASE_FILE_MODE);
    warnLooseMode(`${file} had mode ${octal(mode)}: narrowed to ${octal(mode & DATABASE_FILE_MODE)}`);
  }
}

/**
 * Creates `dir` and its missing parents with DATA_DIR_MODE. An existing directory is left as it is (DATA_DIR may be a
 * directory the operator shares with other things), with a warning when others may enter it.
 */
export function createDataDirectory(dir: string): void {
  if (mkdirSync(dir, { recursive: true, mode: DATA_DIR_MODE }) !== undefined) return;
  const mode = modeOf(dir);
  if (mode !== undefined && (mode & 0o007) !== 0) {
    warnLooseMode(`${dir} has mode ${octal(mode)}: others may list it (its database files are ${octal(DATABASE_FILE_MODE)})`);
  }
}

function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

// Node's warning channel: this lib has no logger, and the warning reaches stderr in the API, the CLI and the tools alike.
function warnLooseMode(message: string): void {
  process.emitWarning(message, { type: 'SecurityWarning', code: 'REFONDA_FILE_MODE' });
}

const octal = (mode: number) => `0${mode.toString(8)}`;
