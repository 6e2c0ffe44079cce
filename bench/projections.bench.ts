// npm run bench:projections — rebuild rate over 1,000,000 events beside a raw read of the same events,
// and SSE fan-out latency with 1,000 concurrent clients; figures into docs/benchmarks.md (own section).
import '../apps/api/src/runtime/require-supported-runtime.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { STREAM_TICK_MS } from '../apps/api/src/dashboard/dashboard-stream.service.js';
import { writeLog } from './projections/log-fixture.js';
import { rebuildFigures } from './projections/rebuild-figures.js';
import { writeReport } from './projections/report.js';
import { sseFigures } from './projections/sse-figures.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_SSE_ROUNDS ?? 30);
const log = (s: string) => process.stderr.write(`[bench:projections] ${s}\n`);

const loadAtStart = loadavg();
const dir = mkdtempSync(join(tmpdir(), 'refonda-bench-projections-'));
try {
  const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  const t = performance.now();
  const written = await writeLog(store, EVENTS, (n) => log(`writing the log: ${n.toLocaleString('en-US')} events`));
  log(`log written: ${written} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const rebuild = await rebuildFigures(store, dir, log);
  await store.close();

  const sseDir = join(dir, 'sse');
  const sse = await sseFigures(sseDir, CLIENTS, ROUNDS, log);
  log(`SSE ${CLIENTS} clients: p50 ${sse.p50.toFixed(1)} ms, p99 ${sse.p99.toFixed(1)} ms`);
  process.stdout.write(`${writeReport('docs/benchmarks.md', rebuild, sse, STREAM_TICK_MS, loadAtStart)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
