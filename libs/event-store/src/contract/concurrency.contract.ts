import { expect, it } from '@jest/globals';
import type { EventStore } from '../event-store.port.js';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import { anEvent, events, streamName } from './contract.harness.js';

export function concurrencyCases(ctx: { readonly store: EventStore }): void {
  it('lets exactly one of 64 concurrent appenders win a revision', async () => {
    const s = streamName('envelope');
    await ctx.store.appendToStream(s, events(1), { expectedRevision: 'no_stream' });
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) => ctx.store.appendToStream(s, [anEvent('Committed', { i })], { expectedRevision: 0n })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(63);
    for (const l of lost) expect((l as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await ctx.store.readStream(s)).map((e) => e.revision)).toEqual([0n, 1n]);
  });

  it('keeps revisions contiguous when 16 writers race with read-and-retry', async () => {
    const s = streamName('envelope');
    const writer = async (w: number) => {
      for (let n = 0; n < 10;) {
        const last = (await ctx.store.readStream(s, { direction: 'backwards', maxCount: 1 }))[0];
        try {
          await ctx.store.appendToStream(s, [anEvent('Committed', { w, n })], { expectedRevision: last ? last.revision : 'no_stream' });
          n++;
        } catch (e) {
          if (!(e instanceof WrongExpectedRevisionError)) throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, w) => writer(w)));
    const read = await ctx.store.readStream(s);
    expect(read.map((e) => Number(e.revision))).toEqual(Array.from({ length: 160 }, (_, i) => i));
    expect(new Set(read.map((e) => `${(e.data as any).w}/${(e.data as any).n}`)).size).toBe(160);
  });

  it('answers each append of a concurrent group on its own', async () => {
    const a = streamName('a');
    const b = streamName('b');
    await ctx.store.appendToStream(a, events(1), { expectedRevision: 'no_stream' });
    const [good, bad, other] = await Promise.allSettled([
      ctx.store.appendToStream(a, events(1), { expectedRevision: 0n }),
      ctx.store.appendToStream(a, events(1), { expectedRevision: 5n }),
      ctx.store.appendToStream(b, events(2), { expectedRevision: 'no_stream' }),
    ]);
    expect(good.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    expect(other.status).toBe('fulfilled');
    expect(await ctx.store.readStream(a)).toHaveLength(2);
    expect(await ctx.store.readStream(b)).toHaveLength(2);
  });
}
