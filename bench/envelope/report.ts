import { replaceSection } from '../docs-section.js';
import { summarize } from '../store/stats.js';

export const SECTION = '## Envelope cost (`npm run bench:envelope`)';
export const TARGET = 1.5;

export const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** One measured run of one operation: the latencies (ms) on the fresh envelope and on the large one. */
export interface Run {
  fresh: number[];
  large: number[];
}

const cell = (values: number[], fmt: (n: number) => string) => {
  const s = summarize(values);
  return values.length > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median);
};
const ms = (n: number) => n.toFixed(2);
const times = (n: number) => `${n.toFixed(2)}×`;

/**
 * One row per operation: median and p99 of each envelope (per run, then the median over runs and the spread), and the
 * ratios large ÷ fresh taken per run. The target holds when the median of the per-run ratios is at most TARGET.
 */
export function table(rows: { operation: string; runs: Run[] }[]): { text: string; met: boolean } {
  let met = true;
  const lines = rows.map(({ operation, runs }) => {
    const of = (side: 'fresh' | 'large', p: number) => runs.map((r) => percentile(r[side], p));
    const [r50, r99] = [50, 99].map((p) => runs.map((r) => percentile(r.large, p) / percentile(r.fresh, p)));
    const ok = summarize(r50!).median <= TARGET && summarize(r99!).median <= TARGET;
    met &&= ok;
    const n = runs.reduce((t, r) => t + r.fresh.length, 0);
    return (
      `| ${operation} | ${n} + ${n} | ${cell(of('fresh', 50), ms)} | ${cell(of('large', 50), ms)} | ${cell(r50!, times)} | ` +
      `${cell(of('fresh', 99), ms)} | ${cell(of('large', 99), ms)} | ${cell(r99!, times)} | ${ok ? 'yes' : '**NO**'} |`
    );
  });
  const head =
    '| operation (HTTP) | requests (fresh + large) | median ms, fresh | median ms, large | ratio | ' +
    'p99 ms, fresh | p99 ms, large | ratio | ' +
    `≤ ${TARGET}×? |\n|---|---|---|---|---|---|---|---|---|`;
  return { text: [head, ...lines].join('\n'), met };
}

export function writeSection(file: string, body: string): void {
  replaceSection(file, SECTION, body);
}
