import { replaceSection } from '../docs-section.js';
import type { PairedFigure, Samples } from './stats.js';

export interface Row {
  figure: string;
  unit: string;
  measured: PairedFigure;
  baselineLabel: string;
  target: string;
  /** Whether the median meets the target (or a verdict to print as is); undefined when the figure has none. */
  met?: (f: PairedFigure) => boolean | string;
}

const num = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (n: number) => `${n.toFixed(2)}×`;

function cell(s: Samples, fmt: (n: number) => string): string {
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
}

function verdict(row: Row): string {
  if (!row.met) return '—';
  const v = row.met(row.measured);
  return typeof v === 'string' ? v : v ? 'yes' : '**NO**';
}

export function table(rows: Row[]): string {
  const head = '| figure | value | baseline | ratio | target | met? |\n|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const notes = r.measured.notes.length ? ` [${[...new Set(r.measured.notes)].join('; ')}]` : '';
    const baseline = `${cell(r.measured.baseline, num)} ${r.unit} — ${r.baselineLabel}${notes}`;
    const value = `${cell(r.measured.value, num)} ${r.unit}`;
    return `| ${r.figure} | ${value} | ${baseline} | ${cell(r.measured.ratio, ratio)} | ${r.target} | ${verdict(r)} |`;
  });
  return [head, ...lines].join('\n');
}

export const SECTION = '## Event store (`npm run bench:store`)';

/** Replaces our section of docs/benchmarks.md, keeping the others. */
export function writeSection(file: string, body: string): void {
  replaceSection(file, SECTION, body);
}
