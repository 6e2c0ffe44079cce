import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { rebuildProgressBar } from '../../apps/cli/src/progress/rebuild-progress-bar.js';

/** A stream that says it is (or is not) a terminal, keeping what is written to it. */
function stream(isTTY: boolean): { out: NodeJS.WriteStream; written: () => string } {
  const out = Object.assign(new PassThrough(), { isTTY, columns: 160 }) as unknown as NodeJS.WriteStream;
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out, written: () => text };
}

describe('the rebuild progress bar (cli-progress)', () => {
  it('on a terminal: the bar, events done of total, the rate, and 100 % when done', () => {
    const { out, written } = stream(true);
    const bar = rebuildProgressBar(out);
    bar.update({ done: 250_000, total: 1_000_000, elapsedMs: 2_500 });
    expect(written()).toContain('[########......................] 25 %');
    expect(written().replace(/\s/g, ' ')).toContain('250 000 / 1 000 000 événements · 100 000 évén./s · reste');
    bar.update({ done: 999_990, total: 1_000_000, elapsedMs: 10_000 });
    bar.stop();
    expect(written().replace(/\s/g, ' ')).toContain(`[${'#'.repeat(30)}] 100 % 999 990 / 999 990 événements`);
  });

  it('in a pipe or a file: nothing at all, so that the output stays clean', () => {
    const { out, written } = stream(false);
    const bar = rebuildProgressBar(out);
    bar.update({ done: 1, total: 2, elapsedMs: 1 });
    bar.update({ done: 2, total: 2, elapsedMs: 2 });
    bar.stop();
    expect(written()).toBe('');
  });
});
