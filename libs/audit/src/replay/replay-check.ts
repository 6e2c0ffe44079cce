import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventStore } from '#event-store';
import { CheckpointStore, type Projection, ProjectionRunner, type RunnerLogger } from '#projections';
import { boundedStore } from './bounded-store.js';
import { compareTable, type TableComparison } from './compare-tables.js';

export interface ProjectionReplay {
  name: string;
  version: number;
  /** The live checkpoint the replay was taken to (the same point of the log). */
  position: string;
  identical: boolean;
  problem?: string;
  tables: TableComparison[];
}

export interface ReplayReport {
  identical: boolean;
  projections: ProjectionReplay[];
  /** Where the scratch files are, when kept. */
  workDir?: string;
}

export interface ReplayOptions {
  store: EventStore;
  /** The live read-model file (READ_MODEL_PATH). */
  liveReadModelPath: string;
  projections: readonly Projection[];
  /** Scratch directory (created under the OS temp dir when absent). */
  workDir?: string;
  keep?: boolean;
  timeoutMs?: number;
  logger?: RunnerLogger;
}

const quiet: RunnerLogger = { info: () => {}, error: () => {} };

/**
 * Rebuilds every read model from position 0 into a scratch database with the ProjectionRunner, each up to the
 * position its live checkpoint had in a consistent snapshot of the live file, then compares table by table.
 */
export async function replayCheck(o: ReplayOptions): Promise<ReplayReport> {
  const workDir = o.workDir ?? mkdtempSync(join(tmpdir(), 'refonda-replay-'));
  const snapshotPath = join(workDir, 'live-snapshot.sqlite');
  const replayPath = join(workDir, 'replay.sqlite');
  const live = new Database(o.liveReadModelPath, { readonly: true, fileMustExist: true });
  try {
    await live.backup(snapshotPath);
  } finally {
    live.close();
  }
  const snapshot = new Database(snapshotPath);
  const checkpoints = new CheckpointStore(snapshot);
  const targets = o.projections.map((p) => ({ projection: p, checkpoint: checkpoints.read(p.name) }));
  snapshot.close();

  const scratch = new Database(replayPath);
  const results: ProjectionReplay[] = [];
  try {
    for (const { projection, checkpoint } of targets) {
      const position = BigInt(checkpoint?.position ?? 0);
      const runner = new ProjectionRunner(boundedStore(o.store, position), scratch, [projection], o.logger ?? quiet);
      runner.start();
      const reached = await runner.waitFor(position, o.timeoutMs ?? 600_000);
      const failed = runner.status().find((s) => s.state === 'failed');
      runner.stop();
      const problem = !checkpoint
        ? 'no checkpoint in the live read models: the live projection never ran'
        : checkpoint.version !== projection.version
          ? `live version ${checkpoint.version}, code version ${projection.version}`
          : failed
            ? `the replay failed: ${failed.error}`
            : !reached
              ? `the replay did not reach position ${position}`
              : undefined;
      results.push({
        name: projection.name,
        version: projection.version,
        position: position.toString(),
        identical: !problem,
        ...(problem ? { problem } : {}),
        tables: [],
      });
    }
  } finally {
    scratch.close();
  }

  const compare = new Database(replayPath);
  try {
    compare.prepare('ATTACH DATABASE ? AS live').run(snapshotPath);
    targets.forEach(({ projection }, i) => {
      const r = results[i]!;
      r.tables = projection.tables.map((t) => compareTable(compare, t));
      r.identical = r.identical && r.tables.every((t) => t.identical);
    });
  } finally {
    compare.close();
  }
  if (!o.keep) {
    if (o.workDir)
      for (const f of [snapshotPath, replayPath])
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(f + suffix, { force: true });
    else rmSync(workDir, { recursive: true, force: true });
  }
  return { identical: results.every((r) => r.identical), projections: results, ...(o.keep ? { workDir } : {}) };
}
