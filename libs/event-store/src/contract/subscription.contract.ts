import { expect, it } from '@jest/globals';
import { filter, firstValueFrom, take, toArray } from 'rxjs';
import type { EventStore, RecordedEvent } from '../event-store.port.js';
import { events, streamName } from './contract.harness.js';

export function subscriptionCases(ctx: { readonly store: EventStore }): void {
  it('catches up from the start, then follows live appends', async () => {
    const s = streamName('project');
    await ctx.store.appendToStream(s, events(3), { expectedRevision: 'no_stream' });
    const got = firstValueFrom(
      ctx.store.subscribeToAll().pipe(
        filter((e) => e.streamId === s),
        take(5),
        toArray(),
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    await ctx.store.appendToStream(s, events(2), { expectedRevision: 2n });
    expect((await got).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
  });

  it('started mid-log while writers go on: no gap, no duplicate, global order', async () => {
    const streams = Array.from({ length: 8 }, () => streamName('w'));
    const write = async (s: string, n: number) => {
      for (let i = 0; i < n; i++)
        await ctx.store.appendToStream(s, events(1 + (i % 3)), { expectedRevision: i === 0 ? 'no_stream' : 'stream_exists' });
    };
    await Promise.all(streams.map((s) => write(s, 10)));
    const checkpoint = await ctx.store.headPosition();
    const seen: RecordedEvent[] = [];
    const sub = ctx.store.subscribeToAll({ fromPosition: checkpoint }).subscribe((e) => seen.push(e));
    await Promise.all(streams.map((s) => write(s + '-b', 25)));
    const head = await ctx.store.headPosition();
    const deadline = Date.now() + 10000;
    while ((seen.at(-1)?.position ?? 0n) < head && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    sub.unsubscribe();
    const expected = (await ctx.store.readAll({ fromPosition: checkpoint + 1n })).filter((e) => e.position <= head);
    expect(seen.filter((e) => e.position <= head).map((e) => e.position)).toEqual(expected.map((e) => e.position));
    expect(seen[0]!.position).toBeGreaterThan(checkpoint);
  });

  it('stops delivering after unsubscribe', async () => {
    const s = streamName('project');
    const seen: RecordedEvent[] = [];
    const sub = ctx.store.subscribeToAll({ fromPosition: await ctx.store.headPosition() }).subscribe((e) => seen.push(e));
    await ctx.store.appendToStream(s, events(1), { expectedRevision: 'no_stream' });
    const deadline = Date.now() + 5000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    sub.unsubscribe();
    await ctx.store.appendToStream(s, events(1), { expectedRevision: 0n });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.filter((e) => e.streamId === s)).toHaveLength(1);
  });
}
