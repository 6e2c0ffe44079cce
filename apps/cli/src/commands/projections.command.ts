import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Command, SubCommand } from 'nest-commander';
import { openEventStore, restrictDatabaseFile } from '#event-store';
import { CheckpointStore, rebuildProjections } from '#projections';
import { allProjections } from '../../../api/src/projections/all-projections.js';
import { loadConfig } from '../../../api/src/config/app.config.js';
import { refondaUpcasters } from '../../../api/src/infrastructure/upcasters.js';
import { CliCommand, CommandGroup } from '../cli-command.js';
import { rebuildProgressBar } from '../progress/rebuild-progress-bar.js';
import { createDataDirectories } from './audit-env.js';

/** This replica's read-model file (READ_MODEL_PATH, or DATA_DIR/read-models-<REPLICA_ID>.sqlite), opened as the API does. */
function withReadModels<T>(run: (db: Database.Database, config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  createDataDirectories(process.env, dirname(config.readModelPath));
  restrictDatabaseFile(config.readModelPath);
  const db = new Database(config.readModelPath, { timeout: 30_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return run(db, config).finally(() => db.close());
}

/**
 * `projections rebuild [name]`: replays the log into fresh tables of this replica's read-model file and swaps them
 * in atomically; a running API keeps serving the old tables until the swap.
 */
@SubCommand({
  name: 'rebuild',
  arguments: '[name]',
  argsDescription: { name: 'one projection (default: all; see projections list)' },
  description: 'blue-green rebuild of the read models from position 0, beside a running API (a progress bar on a terminal)',
})
export class ProjectionsRebuildCommand extends CliCommand {
  async execute([name]: string[]): Promise<number> {
    const known = allProjections();
    const chosen = name ? known.filter((p) => p.name === name) : known;
    if (chosen.length === 0) {
      process.stderr.write(`unknown projection "${name}"; known: ${known.map((p) => p.name).join(', ')}\n`);
      return 2;
    }
    return withReadModels(async (db, config) => {
      const store = await openEventStore(config.eventStore, refondaUpcasters());
      try {
        process.stderr.write(`rebuilding ${chosen.map((p) => p.name).join(', ')} into ${config.readModelPath}\n`);
        const bar = rebuildProgressBar();
        const result = await rebuildProjections({ store, db, projections: chosen, batchSize: 2000, onProgress: (p) => bar.update(p) });
        bar.stop();
        const rate = result.elapsedMs > 0 ? Math.round((result.events * 1000) / result.elapsedMs) : result.events;
        process.stdout.write(
          `rebuilt ${chosen.map((p) => p.name).join(', ')}: ${result.events} events to position ${result.position} ` +
            `in ${(result.elapsedMs / 1000).toFixed(1)} s (${rate} events/s), swapped in\n`,
        );
        return 0;
      } finally {
        await store.close();
      }
    });
  }
}

/** `projections list`: names, versions, checkpoints and tables. */
@SubCommand({ name: 'list', description: 'the read models: name, version, checkpoint position, tables' })
export class ProjectionsListCommand extends CliCommand {
  async execute(): Promise<number> {
    return withReadModels(async (db) => {
      const checkpoints = new CheckpointStore(db);
      for (const p of allProjections())
        process.stdout.write(
          `${p.name}\tv${p.version}\tposition ${checkpoints.read(p.name)?.position ?? '-'}\ttables ${p.tables.join(', ')}\n`,
        );
      return 0;
    });
  }
}

@Command({
  name: 'projections',
  description: 'the read models: rebuild (blue-green) or list',
  subCommands: [ProjectionsRebuildCommand, ProjectionsListCommand],
})
export class ProjectionsCommand extends CommandGroup {}
