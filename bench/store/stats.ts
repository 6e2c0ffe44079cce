import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A figure measured several times: every sample, and the ones we report. */
export interface Samples {
  values: number[];
  median: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Samples {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { values, median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** A rate (per second) from a count and a duration measured with performance.now(). */
export async function rate(count: number, run: () => unknown): Promise<number> {
  const t0 = performance.now();
  await run();
  return (count * 1000) / (performance.now() - t0);
}

export interface TempDb {
  path: string;
  cleanup: () => void;
}

export function tempDb(label: string): TempDb {
  const dir = mkdtempSync(join(tmpdir(), `refonda-bench-${label}-`));
  return { path: join(dir, 'events.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One paired sample: the figure and its baseline measured back to back, so drift hits both. */
export interface Pair {
  value: number;
  baseline: number;
  note?: string;
}

export interface PairedFigure {
  value: Samples;
  baseline: Samples;
  ratio: Samples;
  notes: string[];
}

export async function paired(reps: number, warmup: () => Promise<unknown>, once: () => Promise<Pair>): Promise<PairedFigure> {
  await warmup();
  const pairs: Pair[] = [];
  for (let i = 0; i < reps; i++) pairs.push(await once());
  return {
    value: summarize(pairs.map((p) => p.value)),
    baseline: summarize(pairs.map((p) => p.baseline)),
    ratio: summarize(pairs.map((p) => p.value / p.baseline)),
    notes: pairs.flatMap((p) => (p.note ? [p.note] : [])),
  };
}
