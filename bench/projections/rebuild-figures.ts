import Database from 'better-sqlite3';
import type { SqliteEventStore } from '#event-store';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { allProjections } from '../../apps/api/src/projections/all-projections.js';

export interface RebuildFigures {
  events: number;
  rawReadAll: number;
  rawSubscription: number;
  rebuild: number;
  runnerCatchUp: number;
}

const rate = (events: number, ms: number) => (events * 1000) / ms;

function readModelDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Raw reads of the log (no projection) beside the two ways of projecting it, in the same run. */
export async function rebuildFigures(store: SqliteEventStore, dir: string, log: (s: string) => void): Promise<RebuildFigures> {
  const head = Number(await store.headPosition());
  let t = performance.now();
  let n = 0;
  for (let from = 1; ;) {
    const page = await store.readAll({ fromPosition: BigInt(from), maxCount: 1000 });
    if (page.length === 0) break;
    n += page.length;
    from = Number(page[page.length - 1]!.position) + 1;
  }
  const rawReadAll = rate(n, performance.now() - t);
  log(`raw readAll (pages of 1000): ${Math.round(rawReadAll)} events/s`);

  t = performance.now();
  n = 0;
  await new Promise<void>((resolve, reject) => {
    const sub = store.subscribeToAll().subscribe({
      next: (e) => {
        n++;
        if (Number(e.position) >= head) {
          sub.unsubscribe();
          resolve();
        }
      },
      error: reject,
    });
  });
  const rawSubscription = rate(n, performance.now() - t);
  log(`raw subscribeToAll catch-up: ${Math.round(rawSubscription)} events/s`);

  const rebuildDb = readModelDb(`${dir}/read-models-rebuild.sqlite`);
  t = performance.now();
  const result = await rebuildProjections({ store, db: rebuildDb, projections: allProjections(), batchSize: 1000 });
  const rebuild = rate(result.events, performance.now() - t);
  rebuildDb.close();
  log(`rebuild (all read models, blue-green): ${Math.round(rebuild)} events/s`);

  const runnerDb = readModelDb(`${dir}/read-models-runner.sqlite`);
  const runner = new ProjectionRunner(store, runnerDb, allProjections(), { info: () => {}, error: (o) => log(JSON.stringify(o)) });
  t = performance.now();
  runner.start();
  if (!(await runner.waitFor(BigInt(head), 3_600_000))) throw new Error('runner did not catch up');
  const runnerCatchUp = rate(head, performance.now() - t);
  runner.stop();
  runnerDb.close();
  log(`runner catch-up (6 read models, one shared subscription): ${Math.round(runnerCatchUp)} events/s`);
  return { events: head, rawReadAll, rawSubscription, rebuild, runnerCatchUp };
}
