import '../apps/api/src/runtime/require-supported-runtime.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JwtService } from '#auth';
import { educationIntention } from '../test/support/demo-fixtures.js';
import { grantByCli, startApi } from './http/api-process.js';
import { countEvents } from './http/count-events.js';
import { load, type LoadSpec, type Measurement } from './http/load.js';
import { microCosts } from './http/micro-costs.js';
import { summarize } from './store/stats.js';
import { type Figure, ratioCell, table, writeSection } from './http/report.js';

/**
 * BENCH_QUICK=1: 3-s runs, no doc written. BENCH_HTTP_PROFILE=<dir>: the API runs with --cpu-prof into <dir>,
 * one run of the route BENCH_HTTP_ROUTE (a, b or c; default a) after its warm-up, no doc written.
 */
const quick = process.env.BENCH_QUICK === '1';
const profileDir = process.env.BENCH_HTTP_PROFILE;
/**
 * BENCH_HTTP_WHATIF=process-sync-normal: see bench/http/what-if-process-sync-normal.ts; 3 runs of BENCH_HTTP_ROUTE only,
 * no doc written.
 */
const whatIf =
  process.env.BENCH_HTTP_WHATIF === 'process-sync-normal'
    ? ['--import', fileURLToPath(new URL('./http/what-if-process-sync-normal.js', import.meta.url))]
    : [];
const profiled = ({ a: 0, b: 1, c: 2 } as Record<string, number>)[process.env.BENCH_HTTP_ROUTE ?? 'a'] ?? 0;
/** Profile, what-if or BENCH_HTTP_ROUTE set: that one route only, no doc written. */
const single = profileDir !== undefined || whatIf.length > 0 || process.env.BENCH_HTTP_ROUTE !== undefined;
const REPS = 3;
const CONNECTIONS = 64;
const SECONDS = quick ? 3 : 10;
const WARMUP = CONNECTIONS * 60;
const TARGET = 3_000;
const SECRET = 'http-bench-secret-0123456789-abcdefghij';

/** The API inherits this environment (bench/http/api-process.ts): 64 connections of one token are what rate limits refuse. */
process.env.RATE_LIMIT = 'off';

const medianOf = (runs: Measurement[]) => summarize(runs.map((r) => r.rate)).median;

async function main(): Promise<void> {
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'refonda-bench-http-'));
  const token = await new JwtService(SECRET).sign({ sub: 'bench-holder', role: 'holder', scope: { academies: ['12'] } });
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const durable: LoadSpec = {
    label: '(a) `POST /projects`, valid intention → 201 (durable: validate, decide, group-committed append, fsync)',
    method: 'POST',
    path: '/projects',
    headers: auth,
    body: JSON.stringify(educationIntention()),
  };
  const invalid: LoadSpec = {
    label: "(b) `POST /projects`, same body with `program: 'culture'` → 400 (Fastify + JWT guard + ValidationPipe, no store)",
    method: 'POST',
    path: '/projects',
    headers: auth,
    body: JSON.stringify({ ...educationIntention(), program: 'culture' }),
  };
  const health: LoadSpec = {
    label: '(c) `GET /health` → 200 (public; reads the store head and projection status)',
    method: 'GET',
    path: '/health',
  };
  const specs = [durable, invalid, health];

  // The bench's holder, as the operator records a habilitation; the first declaration then registers its school.
  grantByCli(dir, SECRET, ['--sub', 'bench-holder', '--role', 'holder', '--academie', '12']);
  const api = await startApi(dir, SECRET, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...whatIf]);
  log(`API started with RATE_LIMIT=${process.env.RATE_LIMIT} (no rate limit: the bench measures throughput)`);
  let created = 0;
  const count = (m: Measurement) => {
    created += m.statuses['201'] ?? 0;
    return m;
  };
  const runs = new Map<LoadSpec, Measurement[]>(specs.map((s) => [s, []]));
  let exitCode: number | null;
  try {
    const probe = await Promise.all(specs.map((s) => fetch(`${api.url}${s.path}`, { method: s.method, headers: s.headers, body: s.body })));
    const expected = [201, 400, 200];
    probe.forEach((r, i) => {
      if (r.status !== expected[i]) throw new Error(`${specs[i]!.path}: ${r.status}, expected ${expected[i]}`);
    });
    created += 1;
    const amounts = new Map<LoadSpec, number>();
    for (const s of single ? [specs[profiled]!] : specs) {
      const w = await load(api, s, CONNECTIONS, WARMUP);
      if (s === durable) count(w);
      amounts.set(s, Math.max(CONNECTIONS * 20, Math.round((w.rate * SECONDS) / CONNECTIONS) * CONNECTIONS));
      log(`warm-up ${s.label.slice(0, 3)}: ${Math.round(w.rate)}/s → ${amounts.get(s)} requests for the next run`);
    }
    for (let rep = 0; rep < (profileDir ? 1 : REPS); rep++) {
      for (const s of single ? [specs[profiled]!] : specs) {
        const m = await load(api, s, CONNECTIONS, amounts.get(s)!);
        if (s === durable) count(m);
        runs.get(s)!.push(m);
        // The next run of this route is sized from this one's rate (warm-up rates run low), still ≈ SECONDS.
        amounts.set(s, Math.max(CONNECTIONS * 20, Math.round((m.rate * SECONDS) / CONNECTIONS) * CONNECTIONS));
        log(
          `run ${rep + 1} ${s.label.slice(0, 3)}: ${Math.round(m.rate)}/s in ${m.seconds.toFixed(1)} s, ` +
            `p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms, ${JSON.stringify(m.statuses)}, errors ${m.errors}, ` +
            `API ${m.apiCores.toFixed(2)} cores, client ${m.clientCores.toFixed(2)} cores`,
        );
      }
    }
  } finally {
    exitCode = await api.stop();
  }
  const events = await countEvents(join(dir, 'events.sqlite'), 'project.intention_declared');
  rmSync(dir, { recursive: true, force: true });
  const lost = events.ofType !== created;
  log(
    `API exit code ${exitCode}; 201 answers: ${created}; ` +
      `project.intention_declared in the store: ${events.ofType} (of ${events.total} events)`,
  );
  if (single) {
    const m = runs.get(specs[profiled]!)!;
    log(
      `${specs[profiled]!.label.slice(0, 3)}${whatIf.length ? ' (what-if)' : ''}: ` +
        `${m.map((r) => Math.round(r.rate)).join(', ')} requests/s; load average ${loadavg()[0]!.toFixed(2)}`,
    );
    return;
  }

  log('per-step costs, each alone in this process');
  const steps = await microCosts();
  const loadAfter = loadavg();
  const a = runs.get(durable)!;
  const ratio = ratioCell(a, runs.get(invalid)!);
  const ratioHealth = ratioCell(a, runs.get(health)!);
  const median = medianOf(a);
  const cpu = cpus();
  const la = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  const body = [
    `Measured ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ` +
      `load average (1 / 5 / 15 min) ${la(loadBefore)} at start, ${la(loadAfter)} at end ` +
      `(the machine is shared: above ${cpu.length} means other work competed for the cores).`,
    '',
    `The real API (\`node dist/apps/api/src/main.js\`, embedded SQLite store, WAL, synchronous=FULL, group commit; DEMO_DATA=false, ` +
      'LOG_LEVEL=warn, RATE_LIMIT=off, projections and processes running as deployed) in a child process; autocannon 8 in the bench ' +
      'process on the same ' +
      `machine, ${CONNECTIONS} keep-alive connections, holder bearer token (HS256). ` +
      `Each route: one warm-up of ${WARMUP.toLocaleString('en-US')} requests, ` +
      `then ${REPS} runs of a fixed number of requests sized from the previous run's rate for ≈ ${SECONDS} s ` +
      '(a fixed amount, so every request sent is answered ' +
      'and counted), runs interleaved (a, b, c, a, b, c, …). Cells read **median (min–max)** over the runs; latencies are per request, ' +
      "from autocannon's timings; API CPU is from /proc (1.00 = one core busy for the whole run).",
    '',
    table(specs.map((s): Figure => ({ label: s.label, runs: runs.get(s)! }))),
    '',
    `Ratio (a) ÷ (b), per run: **${ratio.text}** — what the store path (read of the new stream, decide, append, fsync) leaves of the ` +
      `validated pipeline's throughput. (a) ÷ (c): ${ratioHealth.text}.`,
    '',
    `Nothing acknowledged is lost: after the API stopped (exit code ${exitCode}), the store read back through \`SqliteEventStore\` holds ` +
      `${events.ofType.toLocaleString('en-US')} \`project.intention_declared\` events for ${created.toLocaleString('en-US')} 201 answers ` +
      `(warm-up and probe included): ${lost ? '**MISMATCH**' : 'equal'}.`,
    '',
    "Where a durable command's time can go: each step alone in the bench process, after the HTTP runs (µs per operation, wall clock; " +
      'see `BENCH_HTTP_PROFILE=<dir>` in bench/http.bench.ts for a CPU profile of the API under load):',
    '',
    '| step | µs |\n|---|---|',
    ...steps.map(([label, us]) => `| ${label} | ${us.toFixed(1)} |`),
    '',
    `Target ≥ ${TARGET.toLocaleString('en-US')} durable commands/s through HTTP: ${median >= TARGET ? '**met**' : '**not met**'} ` +
      `(median ${Math.round(median).toLocaleString('en-US')}/s on this run)` +
      (median >= TARGET
        ? '.'
        : `; the same pipeline without the store, (b), reached ${Math.round(medianOf(runs.get(invalid)!)).toLocaleString('en-US')}/s, ` +
          `so ${medianOf(runs.get(invalid)!) < TARGET ? 'the target is out of reach before the store is even touched, and ' : ''}` +
          `the store path divides it by ${(1 / ratio.median).toFixed(1)}.`),
  ].join('\n');
  process.stdout.write(`${body}\n`);
  if (!quick) writeSection(fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url)), body);
  if (lost) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
