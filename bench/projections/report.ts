import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import Database from 'better-sqlite3';
import type { RebuildFigures } from './rebuild-figures.js';
import type { SseFigures } from './sse-figures.js';

const START = '<!-- bench:projections:start -->';
const END = '<!-- bench:projections:end -->';
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Writes (or replaces) this benchmark's own section of docs/benchmarks.md; other sections are kept as they are. */
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** `loadAtStart`: os.loadavg() when the bench began (the machine may be shared). */
export function writeReport(path: string, r: RebuildFigures, s: SseFigures, tickMs: number, loadAtStart: number[]): string {
  const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const section = `${START}
## Projections and live dashboard (\`npm run bench:projections\`)

Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, SQLite ${sqlite}, temp files in os.tmpdir(), load average (1 / 5 / 15 min) ${load(loadAtStart)} at start, ${load(loadavg())} at end (above ${cpus().length}, other work competed for the cores).
One run. The log: ${int(r.events)} domain events written through the store (≈ 90 % project lifecycles — intention, drafting, edits, deposit, analysis, decisions — ≈ 10 % envelope commitments and payments). Rates are events/s over the whole log, from position 0.

| figure | value | baseline (same run) | ratio |
|---|---|---|---|
| rebuild of all 6 read models (\`projections rebuild\`: one read pass, one transaction per 1,000 events, fresh tables, atomic swap) | ${int(r.rebuild)} events/s | ${int(r.rawReadAll)} events/s — raw \`readAll\` of the same events, pages of 1,000, no projection | ${(r.rebuild / r.rawReadAll).toFixed(2)}× |
| runner catch-up from position 0 (as the API does on an empty read-model file: one shared subscription, one commit per burst, a savepoint per read model, changes kept in memory and written once per key per batch) | ${int(r.runnerCatchUp)} events/s | ${int(r.rawSubscription)} events/s — raw \`subscribeToAll\` catch-up, no projection | ${(r.runnerCatchUp / r.rawSubscription).toFixed(2)}× |

SSE fan-out: the API in its own process (\`node dist/apps/api/src/main.js\`), ${int(s.clients)} concurrent \`GET /dashboard/stream\` clients in the bench process, ${s.rounds} appends to the same SQLite log spaced 50–300 ms apart (${int(s.samples)} deliveries). Latency: from just before \`appendToStream\` to the moment a client has parsed a snapshot whose \`id\` reaches the appended position (one clock, the bench process). It includes the cross-process wake-up (\`data_version\` polling, 10 ms), the projection runner, and the stream's shared ${tickMs} ms coalescing ticker — by design a snapshot waits up to one tick.

| figure | p50 | p99 | max |
|---|---|---|---|
| append → receipt, ${int(s.clients)} clients | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |
${END}`;
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const next = before.includes(START) && before.includes(END)
    ? before.slice(0, before.indexOf(START)) + section + before.slice(before.indexOf(END) + END.length)
    : `${before.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
  return section;
}
