import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { openEventStore } from '#event-store';
import { CheckpointStore, formatProgress, type RebuildProgress, rebuildProjections } from '#projections';
import { allProjections } from '../../../api/src/projections/all-projections.js';
import { loadConfig } from '../../../api/src/config/app.config.js';
import { refondaUpcasters } from '../../../api/src/infrastructure/upcasters.js';

const USAGE = 'projections rebuild [name]   |   projections list';

/**
 * `projections rebuild [name]`: replays the log into fresh tables of this replica's read-model file
 * (READ_MODEL_PATH, or DATA_DIR/read-models-<REPLICA_ID>.sqlite) and swaps them in atomically; a
 * running API keeps serving the old tables until the swap. `projections list`: names and checkpoints.
 */
export async function projectionsCommand(args: string[]): Promise<number> {
  const [sub, name, ...extra] = args;
  if ((sub !== 'rebuild' && sub !== 'list') || extra.length > 0) {
    process.stderr.write(`usage: npm run cli -- ${USAGE}\n`);
    return 2;
  }
  const known = allProjections();
  const chosen = name ? known.filter((p) => p.name === name) : known;
  if (chosen.length === 0) {
    process.stderr.write(`unknown projection "${name}"; known: ${known.map((p) => p.name).join(', ')}\n`);
    return 2;
  }
  const config = loadConfig(process.env);
  mkdirSync(dirname(config.readModelPath), { recursive: true });
  const db = new Database(config.readModelPath, { timeout: 30_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  try {
    if (sub === 'list') {
      const checkpoints = new CheckpointStore(db);
      for (const p of known)
        process.stdout.write(
          `${p.name}\tv${p.version}\tposition ${checkpoints.read(p.name)?.position ?? '-'}\ttables ${p.tables.join(', ')}\n`,
        );
      return 0;
    }
    const store = await openEventStore(config.eventStore, refondaUpcasters());
    try {
      process.stderr.write(`rebuilding ${chosen.map((p) => p.name).join(', ')} into ${config.readModelPath}\n`);
      const bar = progressPrinter();
      const result = await rebuildProjections({ store, db, projections: chosen, batchSize: 2000, onProgress: bar.update });
      bar.done();
      const rate = result.elapsedMs > 0 ? Math.round((result.events * 1000) / result.elapsedMs) : result.events;
      process.stdout.write(
        `rebuilt ${chosen.map((p) => p.name).join(', ')}: ${result.events} events to position ${result.position} ` +
          `in ${(result.elapsedMs / 1000).toFixed(1)} s (${rate} events/s), swapped in\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  } finally {
    db.close();
  }
}

/** A bar redrawn in place on a terminal; one line a second otherwise (logs, CI). */
function progressPrinter(): { update: (p: RebuildProgress) => void; done: () => void } {
  const tty = process.stderr.isTTY === true;
  let lastLine = 0;
  let last: RebuildProgress | undefined;
  return {
    update(p) {
      last = p;
      const now = performance.now();
      if (now - lastLine < (tty ? 100 : 1000)) return;
      lastLine = now;
      process.stderr.write(tty ? `\r${formatProgress(p)}` : `${formatProgress(p)}\n`);
    },
    done() {
      if (last) process.stderr.write(`${tty ? '\r' : ''}${formatProgress({ ...last, total: last.done })}\n`);
    },
  };
}
