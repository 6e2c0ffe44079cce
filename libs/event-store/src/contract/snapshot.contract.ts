import { expect, it } from '@jest/globals';
import { firstValueFrom, take, toArray } from 'rxjs';
import type { EventStore } from '../event-store.port.js';
import { type SnapshotPolicy, StreamStates } from '../snapshots/stream-states.js';
import { events, streamName } from './contract.harness.js';
import { type Tally, decodeTally, tallies, tally } from './tally.decider.js';

const policy: SnapshotPolicy<Tally> = { schema: 'tally/1', encode: (s) => s, decode: decodeTally, every: 3 };
const settle = () => new Promise((r) => setTimeout(r, 50));

/** What folded states rely on: tail reads from a revision, and a snapshot store beside the log. */
export function snapshotCases(ctx: { readonly store: EventStore }): void {
  it('reads a stream from its last revision, and from past its end as empty', async () => {
    const s = streamName('envelope');
    const r = await ctx.store.appendToStream(s, events(3), { expectedRevision: 'no_stream' });
    expect((await ctx.store.readStream(s, { fromRevision: r.nextRevision })).map((e) => e.revision)).toEqual([2n]);
    expect(await ctx.store.readStream(s, { fromRevision: r.nextRevision + 1n })).toEqual([]);
    expect(await ctx.store.readStream(s, { fromRevision: 1_000n })).toEqual([]);
  });

  it('saves and loads a snapshot; the last saved wins; another schema or another stream reads as none', async () => {
    const s = streamName('envelope');
    expect(await ctx.store.snapshots.load(s, 'tally/1')).toBeUndefined();
    const first = { streamId: s, schema: 'tally/1', revision: 4n, eventId: 'e-4', position: 40n, state: { n: 4, seen: ['a', 'é'] } };
    await ctx.store.snapshots.save(first);
    expect(await ctx.store.snapshots.load(s, 'tally/1')).toEqual(first);
    expect(await ctx.store.snapshots.load(s, 'tally/2')).toBeUndefined();
    expect(await ctx.store.snapshots.load(streamName('envelope'), 'tally/1')).toBeUndefined();
    const second = { ...first, revision: 9n, eventId: 'e-9', position: 90n, state: { n: 9, nested: { list: [1, null, 'x'] } } };
    await ctx.store.snapshots.save(second);
    expect(await ctx.store.snapshots.load(s, 'tally/1')).toEqual(second);
    await ctx.store.snapshots.save({ ...second, schema: 'tally/2' });
    expect(await ctx.store.snapshots.load(s, 'tally/1')).toBeUndefined();
  });

  it('keeps snapshots out of the log: readAll, the head and subscriptions never see them', async () => {
    const s = streamName('envelope');
    await ctx.store.appendToStream(s, events(1), { expectedRevision: 'no_stream' });
    const head = await ctx.store.headPosition();
    await ctx.store.snapshots.save({ streamId: s, schema: 'tally/1', revision: 0n, eventId: 'x', position: head, state: {} });
    const after = streamName('after');
    const sub = firstValueFrom(ctx.store.subscribeToAll({ fromPosition: head }).pipe(take(1), toArray()));
    await ctx.store.appendToStream(after, events(1), { expectedRevision: 'no_stream' });
    expect((await sub).map((e) => e.streamId)).toEqual([after]);
    expect((await ctx.store.readAll({ fromPosition: head + 1n })).map((e) => e.streamId)).toEqual([after]);
    expect(await ctx.store.headPosition()).toBeGreaterThan(head);
  });

  it('folds through states and snapshots to the same state as a full fold, whatever the snapshot holds', async () => {
    const s = streamName('envelope');
    const full = async () => tally.fold(await ctx.store.readStream(s));
    const mine = new StreamStates(ctx.store);
    const append = async (n: number) => {
      const at = await ctx.store.readStream(s, { direction: 'backwards', maxCount: 1 });
      await ctx.store.appendToStream(s, tallies(n), { expectedRevision: at[0]?.revision ?? 'no_stream' });
    };
    expect((await mine.load(s, tally, policy)).revision).toBe(-1n);
    await append(4);
    expect((await mine.load(s, tally, policy)).state).toEqual(await full()); // folded from the start, then a snapshot saved
    await settle();
    expect((await ctx.store.snapshots.load(s, 'tally/1'))?.revision).toBe(3n);
    await append(2); // another writer: memory is behind, the tail is folded
    expect((await mine.load(s, tally, policy)).state).toEqual(await full());
    const fresh = new StreamStates(ctx.store); // another process: from the snapshot and the events after it
    await append(1);
    const fromSnapshot = await fresh.load(s, tally, policy);
    expect([fromSnapshot.state, fromSnapshot.revision]).toEqual([await full(), 6n]);
    await settle();
    const wrong = { streamId: s, schema: 'tally/1', position: 1n, state: { count: 99, sum: 99 } };
    for (const bad of [
      { ...wrong, revision: 2n, eventId: '00000000-0000-4000-8000-000000000000' }, // not this stream's event at 2
      { ...wrong, revision: 50n, eventId: 'x' }, // ahead of the stream
      { ...wrong, revision: 1n, eventId: (await ctx.store.readStream(s))[1]!.id, state: 'not a tally' }, // does not decode
    ]) {
      await ctx.store.snapshots.save(bad);
      const folded = await new StreamStates(ctx.store).load(s, tally, policy);
      expect([folded.state, folded.revision]).toEqual([await full(), 6n]);
      await settle(); // the good snapshot it saves in the background, before the next bad one
    }
  });
}
