import cliProgress from 'cli-progress';
import type { RebuildProgress } from '#projections';

const int = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const FORMAT = '[{bar}] {percentage} % {value} / {total} événements · {rate} évén./s · reste {eta_formatted}';

export interface ProgressReporter {
  update(progress: RebuildProgress): void;
  stop(): void;
}

/**
 * The rebuild's progress as a bar redrawn in place, on `stream` (stderr) when it is a terminal; nothing at all
 * otherwise, so that pipes, log files and test output get only the command's own lines.
 */
export function rebuildProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({
    stream,
    format: FORMAT,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    barsize: 30,
    hideCursor: true,
    formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? int.format(value) : String(value)),
  });
  let started = false;
  let lastDone = 0;
  return {
    update({ done, total, elapsedMs }) {
      lastDone = done;
      const rate = { rate: int.format(elapsedMs > 0 ? (done * 1000) / elapsedMs : 0) };
      if (!started) bar.start(Math.max(total, done, 1), done, rate);
      else {
        bar.setTotal(Math.max(total, done, 1));
        bar.update(done, rate);
      }
      started = true;
    },
    stop() {
      if (!started) return;
      // Done is done: the last frame shows 100 % even where the log's positions had gaps.
      bar.setTotal(Math.max(lastDone, 1));
      bar.update(lastDone);
      bar.stop();
    },
  };
}
