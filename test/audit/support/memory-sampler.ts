import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 1 << 20;

/**
 * A full garbage collection on demand (the test runs without --expose-gc): what is still alive after it is what the
 * export holds, not garbage waiting for the next major collection.
 */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface MemorySamples {
  /** Live JS heap above the start (after a full GC), in MB, every `everyMs`. */
  heap: number[];
  /** Memory held outside the heap by Buffers and native objects (`external`: a zip's buffers are there), in MB. */
  external: number[];
  /** Resident set above the start, in MB. */
  rss: number[];
}

/**
 * Samples the process's memory while `run` runs, each time `run` calls the sampler it is given (after so much output,
 * say: the number of samples then follows the work done, not the machine's speed), and once at the end. Each sample
 * forces a full GC first (a few ms).
 */
export async function sampleMemory<T>(run: (sample: () => void) => Promise<T>): Promise<{ result: T; samples: MemorySamples }> {
  const gc = fullGc();
  gc();
  const base = process.memoryUsage();
  const samples: MemorySamples = { heap: [], external: [], rss: [] };
  const sample = () => {
    gc();
    const m = process.memoryUsage();
    samples.heap.push((m.heapUsed - base.heapUsed) / MB);
    samples.external.push((m.external - base.external) / MB);
    samples.rss.push((m.rss - base.rss) / MB);
  };
  const result = await run(sample);
  sample();
  return { result, samples };
}
