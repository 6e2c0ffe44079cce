import { replaceSection } from '../docs-section.js';
import { type Samples, summarize } from '../store/stats.js';
import type { Measurement } from './load.js';

export interface Figure {
  label: string;
  runs: Measurement[];
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(1);
const cores = (n: number) => n.toFixed(2);

function cell(values: number[], fmt: (n: number) => string): string {
  const s: Samples = summarize(values);
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
}

function statuses(runs: Measurement[]): string {
  const total: Record<string, number> = {};
  for (const r of runs) for (const [code, count] of Object.entries(r.statuses)) total[code] = (total[code] ?? 0) + count;
  return Object.entries(total)
    .map(([code, count]) => `${code}: ${int(count)}`)
    .join(', ');
}

function non2xx(runs: Measurement[]): number {
  return runs.reduce(
    (sum, r) =>
      sum +
      Object.entries(r.statuses)
        .filter(([c]) => !c.startsWith('2'))
        .reduce((s, [, n]) => s + n, 0),
    0,
  );
}

export function table(figures: Figure[]): string {
  const head =
    '| route | requests/s | p50 ms | p99 ms | statuses (all runs) | non-2xx | errors / timeouts | ' +
    'API CPU (cores) | API CPU ms / request | client CPU (cores) |\n|---|---|---|---|---|---|---|---|---|---|';
  const lines = figures.map((f) => {
    const errs = f.runs.reduce((s, r) => s + r.errors, 0);
    const tos = f.runs.reduce((s, r) => s + r.timeouts, 0);
    return (
      `| ${f.label} | ${cell(
        f.runs.map((r) => r.rate),
        int,
      )} | ${cell(
        f.runs.map((r) => r.p50),
        ms,
      )} | ${cell(
        f.runs.map((r) => r.p99),
        ms,
      )} | ` +
      `${statuses(f.runs)} | ${int(non2xx(f.runs))} | ${errs} / ${tos} | ${cell(
        f.runs.map((r) => r.apiCores),
        cores,
      )} | ${cell(
        f.runs.map((r) => (1000 * r.apiCores) / r.rate),
        (n) => n.toFixed(2),
      )} | ${cell(
        f.runs.map((r) => r.clientCores),
        cores,
      )} |`
    );
  });
  return [head, ...lines].join('\n');
}

/** A per-run ratio (run i of a ÷ run i of b), summarized. */
export function ratioCell(a: Measurement[], b: Measurement[]): { text: string; median: number } {
  const values = a.map((r, i) => r.rate / b[i]!.rate);
  return { text: cell(values, (n) => `${n.toFixed(2)}×`), median: summarize(values).median };
}

export const SECTION = '## HTTP (`npm run bench:http`)';

/** Replaces our section of docs/benchmarks.md, keeping the others. */
export function writeSection(file: string, body: string): void {
  replaceSection(file, SECTION, body);
}
