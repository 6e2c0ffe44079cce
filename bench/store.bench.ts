import '../apps/api/src/runtime/require-supported-runtime.js';
import { cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { batchedAppendPair, singleAppendPair } from './store/append-figures.js';
import { readBench, seedReadLog } from './store/read-figures.js';
import { type Row, table, writeSection } from './store/report.js';
import { paired, tempDb } from './store/stats.js';

/** BENCH_QUICK=1: small counts, no doc written (for trying changes out). */
const quick = process.env.BENCH_QUICK === '1';
const REPS = 5;
const SINGLE = quick ? 6_000 : 60_000;
const NAIVE = quick ? 600 : 6_000;
const BATCHED = quick ? 2_000 : 20_000;
const READ_PER_STREAM = quick ? 2 : 10;

async function main(): Promise<void> {
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const loadBefore = loadavg()[0]!;
  log(`fig 1: ${SINGLE} single-event appends (store, 64 callers) vs ${NAIVE} naive, ${REPS}× + warm-up`);
  const single = await paired(REPS, singleAppendPair(SINGLE / 10, NAIVE / 10, 7), singleAppendPair(SINGLE, NAIVE, 1));
  log(`fig 2: ${BATCHED} 10-event appends`);
  const batched = await paired(REPS, batchedAppendPair(BATCHED / 10, 8), batchedAppendPair(BATCHED, 2));

  const tmp = tempDb('reads');
  const total = await seedReadLog(tmp.path, READ_PER_STREAM);
  log(`fig 3: reads of ${total} events on 10,000 streams`);
  const reads = readBench(tmp.path, total);
  const readStream = await paired(REPS, reads.readStream, reads.readStream);
  const readAll = await paired(REPS, reads.readAll, reads.readAll);
  const catchUp = await paired(REPS, reads.catchUp, reads.catchUp);
  const catchUpData = await paired(REPS, reads.catchUpReadingData, reads.catchUpReadingData);
  await reads.close();
  tmp.cleanup();

  const rows: Row[] = [
    {
      figure: '1. single-event appends, 64 concurrent callers, 10,000 streams (group commit, FULL)',
      unit: 'appends/s',
      measured: single,
      baselineLabel: 'naive raw better-sqlite3, 1 transaction (1 fsync) per append, FULL, WAL',
      target: 'ratio ≥ 6× (≈ 20,000/s)',
      met: (f) => `ratio: ${f.ratio.median >= 6 ? 'yes' : '**NO**'}; ≥ 20,000/s: ${f.value.median >= 20_000 ? 'yes' : '**NO**'}`,
    },
    {
      figure: '2. 10-event appends, 64 concurrent callers (group commit, FULL)',
      unit: 'events/s',
      measured: batched,
      baselineLabel:
        'raw better-sqlite3 INSERTs of the same rows (JSON.stringify kept), FULL, WAL, same transactions as the store grouped them',
      target: 'ratio ≥ 0.5×',
      met: (f) => f.ratio.median >= 0.5,
    },
    {
      figure: '3a. `readStream` of each of 10,000 streams',
      unit: 'events/s',
      measured: readStream,
      baselineLabel: 'raw `SELECT` of the same rows per stream',
      target: '—',
    },
    {
      figure: '3b. `readAll` of the whole log',
      unit: 'events/s',
      measured: readAll,
      baselineLabel: 'raw `SELECT` of the whole log, one `.all()`',
      target: '—',
    },
    {
      figure: '3c. `subscribeToAll` catch-up, position 0 → head',
      unit: 'events/s',
      measured: catchUp,
      baselineLabel: 'raw keyset-paged `SELECT` (1,000 rows a page, as the store pages)',
      target: '≥ 200,000 events/s',
      met: (f) => f.value.median >= 200_000,
    },
    {
      figure: "3d. catch-up as 3c, the subscriber reading every event's `data` and `metadata`",
      unit: 'events/s',
      measured: catchUpData,
      baselineLabel:
        'raw paged `SELECT` (rows as arrays, as the store reads them) plus `JSON.parse` of both columns: ' +
        'what handing out parsed events costs at the least',
      target: '—',
    },
  ];

  const cpu = cpus();
  const bsqlVersion = (createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }).version;
  const mem = new Database(':memory:');
  const sqliteVersion = (mem.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  mem.close();
  const body = [
    `Measured ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ` +
      `better-sqlite3 ${bsqlVersion} (SQLite ${sqliteVersion}), temp files in os.tmpdir(). ` +
      `1-minute load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end ` +
      `(the machine is shared: above ${cpu.length} means other work competed for the cores).`,
    '',
    `Each figure ran ${REPS} times after one warm-up; cells read **median (min–max)**. The ratio is taken per run ` +
      '(figure ÷ the baseline measured right after it), then summarized. Event ≈ 400 bytes (data + metadata JSON). ' +
      `Figure 1: ${SINGLE.toLocaleString('en-US')} store appends vs ${NAIVE.toLocaleString('en-US')} naive; figure 2: ` +
      `${BATCHED.toLocaleString('en-US')} appends of 10 events; figure 3: ${total.toLocaleString('en-US')} events, ` +
      `${READ_PER_STREAM} per stream, written through the store. Brackets give the grouping each run reached.`,
    '',
    table(rows),
  ].join('\n');
  process.stdout.write(`${body}\n`);
  if (!quick) writeSection(fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url)), body);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
