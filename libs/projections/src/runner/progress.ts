import type { RebuildProgress } from './rebuild.js';

const int = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** One line of the rebuild progress bar: bar, events done / total, rate, time left. */
export function formatProgress(p: RebuildProgress, width = 30): string {
  const total = Math.max(p.total, p.done, 1);
  const ratio = Math.min(1, p.done / total);
  const filled = Math.round(ratio * width);
  const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  const left = rate > 0 ? (total - p.done) / rate : Number.POSITIVE_INFINITY;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(1).padStart(5)} % ` +
    `${int.format(p.done)} / ${int.format(total)} événements · ${int.format(rate)} évén./s · ` +
    `reste ${p.done >= total ? '0 s' : duration(left)}`
  );
}
