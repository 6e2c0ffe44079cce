import { cpus, loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { replaceSection } from '../docs-section.js';
import type { RebuildFigures } from './rebuild-figures.js';
import type { SseFigures } from './sse-figures.js';

const SECTION = '## Projections and live dashboard (`npm run bench:projections`)';
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(1)} ms`;

const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** `loadAtStart`: os.loadavg() when the bench began (the machine may be shared). */
export function writeReport(path: string, r: RebuildFigures, s: SseFigures, tickMs: number, loadAtStart: number[]): string {
  const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  /** This benchmark's own section of docs/benchmarks.md (replaced; other sections are kept as they are). */
  const section = [
    `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ` +
      `SQLite ${sqlite}, temp files in os.tmpdir(), load average (1 / 5 / 15 min) ${load(loadAtStart)} at start, ` +
      `${load(loadavg())} at end (above ${cpus().length}, other work competed for the cores).`,
    `One run. The log: ${int(r.events)} domain events written through the store (≈ 90 % project lifecycles — intention, drafting, ` +
      'edits, deposit, analysis, decisions — ≈ 10 % envelope commitments and payments). ' +
      'Rates are events/s over the whole log, from position 0.',
    '',
    '| figure | value | baseline (same run) | ratio |',
    '|---|---|---|---|',
    '| rebuild of all 6 read models (`projections rebuild`: one read pass, one transaction per 1,000 events, fresh tables, ' +
      `atomic swap) | ${int(r.rebuild)} events/s | ${int(r.rawReadAll)} events/s — raw \`readAll\` of the same events, ` +
      `pages of 1,000, no projection | ${(r.rebuild / r.rawReadAll).toFixed(2)}× |`,
    '| runner catch-up from position 0 (as the API does on an empty read-model file: one shared subscription, one commit per burst, ' +
      'a savepoint per read model, changes kept in memory and written once per key per batch) | ' +
      `${int(r.runnerCatchUp)} events/s | ${int(r.rawSubscription)} events/s — raw \`subscribeToAll\` catch-up, no projection | ` +
      `${(r.runnerCatchUp / r.rawSubscription).toFixed(2)}× |`,
    '',
    `SSE fan-out: the API in its own process (\`node dist/apps/api/src/main.js\`), ${int(s.clients)} concurrent ` +
      `\`GET /dashboard/stream\` clients in the bench process, ${s.rounds} appends to the same SQLite log spaced 50–300 ms apart ` +
      `(${int(s.samples)} deliveries). Latency: from just before \`appendToStream\` to the moment a client has parsed a snapshot ` +
      'whose `id` reaches the appended position (one clock, the bench process). It includes the cross-process wake-up ' +
      `(\`data_version\` polling, 10 ms), the projection runner, and the stream's shared ${tickMs} ms coalescing ticker — ` +
      'by design a snapshot waits up to one tick.',
    '',
    '| figure | p50 | p99 | max |',
    '|---|---|---|---|',
    `| append → receipt, ${int(s.clients)} clients | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`,
    '',
  ].join('\n');
  replaceSection(path, SECTION, section);
  return `${SECTION}\n\n${section}`;
}
