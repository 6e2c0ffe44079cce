import { resolve } from 'node:path';
import { Command, Option } from 'nest-commander';
import { backupSqliteLog, LogBackupError } from '#event-store/sqlite/sqlite-backup';
import { restoreSqliteLog } from '#event-store/sqlite/sqlite-restore';
import { CliCommand } from '../cli-command.js';
import { auditEnv } from './audit-env.js';
import { derivedDatabases } from './derived-databases.js';

const EVENTSTOREDB =
  'backup and restore copy the embedded SQLite log (STORE=sqlite); with STORE=eventstoredb use its own backup tooling ' +
  '(a file-system or volume snapshot of its data directory, as the EventStoreDB documentation describes)\n';

/** The SQLite log of DATA_DIR (or EVENT_STORE_PATH); undefined, with the reason printed, under STORE=eventstoredb. */
function sqliteLog(): string | undefined {
  const { config } = auditEnv();
  if (config.kind === 'sqlite') return config.sqlitePath!;
  process.stderr.write(EVENTSTOREDB);
  return undefined;
}

/** A refusal of backup or restore (exit 2); anything else is unexpected (exit 1, from main). */
async function refusalsExit2(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof LogBackupError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

/** `backup DIR`: an online, consistent copy of the event log and its manifest, while the API goes on writing. */
@Command({
  name: 'backup',
  arguments: '<dir>',
  argsDescription: { dir: 'a new or empty directory for the copy and its manifest.json' },
  description: 'copy the SQLite event log while the API runs (SQLite backup API), with a manifest (head, hash, sha256)',
})
export class BackupCommand extends CliCommand {
  async execute([dir]: string[]): Promise<number> {
    const log = sqliteLog();
    if (!log) return 2;
    return refusalsExit2(async () => {
      const m = await backupSqliteLog(log, resolve(dir!));
      process.stdout.write(
        `backup of ${log}: ${m.events} events up to position ${m.headPosition} (head ${m.headHash}), ${m.bytes} bytes, ` +
          `sha256 ${m.sha256}, in ${resolve(dir!)}\n`,
      );
      return 0;
    });
  }
}

/** `restore DIR [--force]`: puts a backup back as the event log of DATA_DIR; the API must be stopped. */
@Command({
  name: 'restore',
  arguments: '<dir>',
  argsDescription: { dir: 'a directory written by backup' },
  description:
    'put a backup back as the event log of DATA_DIR (API stopped); the read models and process checkpoints of DATA_DIR ' +
    '(read-models-*, processes-*, funding-process-*) are moved aside with --force, to be rebuilt from the restored log',
})
export class RestoreCommand extends CliCommand<{ force?: boolean }> {
  async execute([dir]: string[], options: { force?: boolean }): Promise<number> {
    const log = sqliteLog();
    if (!log) return 2;
    const derived = derivedDatabases(auditEnv().dataDir);
    return refusalsExit2(async () => {
      const restored = await restoreSqliteLog(resolve(dir!), log, { force: options.force, derived });
      const { manifest: m, replacedLogMovedTo, derivedMovedAside } = restored;
      process.stdout.write(
        `restored ${m.events} events up to position ${m.headPosition} (head ${m.headHash}, backup of ${m.createdAt}) into ${log}\n` +
          (replacedLogMovedTo ? `the log it replaced is kept as ${replacedLogMovedTo}\n` : '') +
          (derivedMovedAside.length > 0
            ? "moved aside, as their checkpoints were the replaced log's (they are rebuilt from the restored log):\n" +
              derivedMovedAside.map(({ from, to }) => `  ${from} -> ${to}\n`).join('')
            : '') +
          'next: the read models are not in a backup; rebuild them from the log, then check it:\n' +
          '  npm run cli -- projections rebuild\n' +
          '  npm run cli -- audit verify\n' +
          'then start the API (npm start): the funding and deadline processes replay the log from its start.\n',
      );
      return 0;
    });
  }

  @Option({
    flags: '--force',
    description: 'replace a log that holds events, and move aside the read models and checkpoints of DATA_DIR (kept, renamed)',
  })
  force(): boolean {
    return true;
  }
}
