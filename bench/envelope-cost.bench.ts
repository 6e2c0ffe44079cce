import '../apps/api/src/runtime/require-supported-runtime.js';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ENVELOPE_STATE_SCHEMA, envelopeStreamId } from '#funding';
import { readEnvelope } from '#funding/application';
import { startApi } from '../test/support/api-harness.js';
import { type Bench, FRESH, LARGE, seed, setUp } from './envelope/setup.js';
import { type Run, TARGET, table, writeSection } from './envelope/report.js';

/**
 * Issue 15 §6: an envelope's cost stays flat as it grows. The real application (in this process, embedded SQLite in a
 * temp DATA_DIR, projections and processes running) with two envelopes: one seeded with SEEDED commitments, one fresh.
 * Measured over HTTP, interleaved, so that drift hits both: commitments and GET /envelopes/:id. Then a restart, and the
 * first GET of each (from the persistent snapshot and the events after it). BENCH_QUICK=1: small counts, no doc written.
 */
const quick = process.env.BENCH_QUICK === '1';
const SEEDED = quick ? 600 : 3_000;
const WARMUP = quick ? 20 : 50;
const RUNS = 3;
const ROUNDS = quick ? 40 : 200;

const log = (m: string) => process.stderr.write(`${m}\n`);

async function timed(run: () => Promise<number>): Promise<number> {
  const t0 = performance.now();
  const status = await run();
  const elapsed = performance.now() - t0;
  if (status !== 200) throw new Error(`status ${status}`);
  return elapsed;
}

/** `rounds` rounds of: a commitment on each envelope, then a GET of each; which envelope goes first alternates. */
async function measure(bench: Bench, rounds: number): Promise<{ commit: Run; get: Run }> {
  const commit: Run = { fresh: [], large: [] };
  const get: Run = { fresh: [], large: [] };
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ([FRESH, LARGE] as const) : ([LARGE, FRESH] as const);
    const side = (id: string) => (id === FRESH ? 'fresh' : 'large');
    for (const id of order) commit[side(id)].push(await timed(() => bench.commit(id)));
    for (const id of order) get[side(id)].push(await timed(async () => (await bench.get(id)).status));
  }
  return { commit, get };
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  let api = await startApi({ RATE_LIMIT: 'off' });
  const bench = await setUp(api, WARMUP + RUNS * ROUNDS);
  const t0 = performance.now();
  await seed(api, SEEDED, (n) => log(n === 0 ? `awarded ${SEEDED} projects on ${LARGE}` : `seeded ${n} commitments on ${LARGE}`));
  const seedSeconds = (performance.now() - t0) / 1000;
  await measure(bench, WARMUP);
  const runs: { commit: Run; get: Run }[] = [];
  for (let r = 0; r < RUNS; r++) {
    runs.push(await measure(bench, ROUNDS));
    log(`run ${r + 1} of ${RUNS} measured`);
  }
  const store = () => api.app.get<EventStore>(EVENT_STORE);
  const revisionOf = async (id: string) =>
    (await store().readStream(envelopeStreamId(id), { direction: 'backwards', maxCount: 1 }))[0]?.revision ?? '?';
  const [freshRevision, largeRevision] = [await revisionOf(FRESH), await revisionOf(LARGE)];
  const sizes = await Promise.all([bench.get(FRESH), bench.get(LARGE)]);
  const snapshot = await store().snapshots.load(envelopeStreamId(LARGE), ENVELOPE_STATE_SCHEMA);
  // After a restart the memory is empty: the first read starts from the snapshot; a full fold shown for reference.
  await api.close(true);
  api = await startApi({ RATE_LIMIT: 'off' }, api.dataDir, api.clock);
  const bench2 = { ...bench, get: (id: string) => getAs(api.url, bench.finance, id) };
  // The fresh envelope first: it also warms the route up, so that the large one's figure is its read.
  const fresh = await timed(async () => (await bench2.get(FRESH)).status);
  const firstGet = { fresh, large: await timed(async () => (await bench2.get(LARGE)).status) };
  const f0 = performance.now();
  await readEnvelope(store(), LARGE);
  const fullFold = performance.now() - f0;
  await api.close();

  const { text, met } = table([
    { operation: '`POST /envelopes/:id/commit` (a new commitment, its own key)', runs: runs.map((r) => r.commit) },
    { operation: '`GET /envelopes/:id`', runs: runs.map((r) => r.get) },
  ]);
  const cpu = cpus();
  const la = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  const body = [
    `Measured ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ` +
      `load average (1 / 5 / 15 min) ${la(loadBefore)} at start, ${la(loadavg())} at end ` +
      `(above ${cpu.length}, other work competed for the cores).`,
    '',
    'The real application in the bench process (`createApp`, embedded SQLite store in a temp DATA_DIR, WAL, synchronous=FULL, ' +
      'projections and processes running, RATE_LIMIT=off), requests over HTTP (keep-alive `fetch`, one at a time), a finance ' +
      "officer's token of the académie. Two FIP envelopes of Nancy-Metz funded alike: the **large** one first received " +
      `${SEEDED.toLocaleString('en-US')} commitments with distinct keys and references through the command handler ` +
      `(the CommandBus: the same checks, claims and appends as over HTTP; ${seedSeconds.toFixed(1)} s), the **fresh** one none. ` +
      `Then ${WARMUP} warm-up rounds and ${RUNS} runs of ${ROUNDS} rounds, each round a commitment on both envelopes then a GET ` +
      'of both (which envelope goes first alternates), so that both series share the same minutes of the machine. Cells read ' +
      '**median (min–max)** over the runs of each run’s median or p99; ratios are taken per run.',
    '',
    text,
    '',
    `At the end the large envelope's stream is at revision ${largeRevision} (the fresh one's: ${freshRevision}), its last ` +
      `snapshot at revision ${snapshot?.revision ?? 'none'}; GET /envelopes/:id answers ${sizes[1]!.bytes.toLocaleString('en-US')} ` +
      `bytes for it and ${sizes[0]!.bytes.toLocaleString('en-US')} for the fresh one (the first 50 commitments; the others by page). ` +
      `After a restart (empty memory), the first GET of the large envelope took ${firstGet.large.toFixed(1)} ms (snapshot and the ` +
      `events after it), of the fresh one ${firstGet.fresh.toFixed(1)} ms; a full read and fold of the large stream, for ` +
      `reference, ${fullFold.toFixed(1)} ms.`,
    '',
    `Target ≤ ${TARGET}× on median and p99 for both operations: ${met ? '**met**' : '**not met**'}.`,
  ].join('\n');
  process.stdout.write(`${body}\n`);
  if (!quick) writeSection(fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url)), body);
  if (!met) process.exitCode = 1;
}

async function getAs(url: string, token: string, id: string): Promise<{ status: number; bytes: number }> {
  const res = await fetch(`${url}/envelopes/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
