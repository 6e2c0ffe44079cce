import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes chunks as they come, waiting for 'drain' whenever the destination's buffer is full (backpressure). */
export async function writeChunks(chunks: AsyncIterable<string | Uint8Array>, out: Writable): Promise<{ bytes: number }> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (!out.write(chunk))
      await Promise.race([
        once(out, 'drain'),
        once(out, 'close').then(() => {
          throw new Error('the destination closed');
        }),
      ]);
  }
  return { bytes };
}
