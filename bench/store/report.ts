import { readFileSync, writeFileSync, existsSync } from 'node:fs';
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
    return `| ${r.figure} | ${cell(r.measured.value, num)} ${r.unit} | ${cell(r.measured.baseline, num)} ${r.unit} — ${r.baselineLabel}${notes} | ${cell(r.measured.ratio, ratio)} | ${r.target} | ${verdict(r)} |`;
  });
  return [head, ...lines].join('\n');
}

export const SECTION = '## Event store (`npm run bench:store`)';

/** Replaces our section of docs/benchmarks.md (up to the next `## ` heading), keeping the others. */
export function writeSection(file: string, body: string): void {
  const section = `${SECTION}\n\n${body.trim()}\n`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(SECTION);
  if (start < 0) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const rest = current.slice(start + SECTION.length);
  const next = rest.search(/\n## /);
  const tail = next < 0 ? '' : rest.slice(next + 1);
  writeFileSync(file, `${current.slice(0, start)}${section}${tail ? `\n${tail}` : ''}`);
}
