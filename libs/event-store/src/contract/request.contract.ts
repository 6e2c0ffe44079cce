import { expect, it } from '@jest/globals';
import { eventIdFor } from '#kernel';
import type { EventStore } from '../event-store.port.js';
import { type HandleRequestOptions, handleRequest } from '../handle-request.js';
import { RequestLedger, claimStreamOf } from '../idempotency/request-ledger.js';
import type { SnapshotPolicy } from '../snapshots/stream-states.js';
import { streamName } from './contract.harness.js';
import { type Add, type Tally, decodeTally, tally } from './tally.decider.js';

const policy: SnapshotPolicy<Tally> = {
  schema: 'tally/1',
  encode: (s) => s,
  decode: decodeTally,
  requestIdOf: (e) => e.metadata['requestId'] as string | undefined,
};
const settle = () => new Promise((r) => setTimeout(r, 50));

/** handleRequest's idempotency (the ledger, derived ids, folded states) on this adapter. */
export function requestCases(ctx: { readonly store: EventStore }): void {
  const run = (
    streamId: string,
    key: string,
    command: Add,
    extra: Partial<HandleRequestOptions<Add, Tally>> = {},
    claim?: 'before-deciding' | 'before-writing',
  ) =>
    handleRequest({
      store: ctx.store,
      streamId,
      decider: tally,
      command,
      metadata: { actorId: 'contract' },
      snapshots: policy,
      request: { scope: 'contract-user', key, fingerprint: JSON.stringify(command), command: 'tally.add', ...(claim ? { claim } : {}) },
      ...extra,
    });
  const count = async (s: string) => (await ctx.store.readStream(s)).length;

  it('answers a retry with its first outcome, writing nothing; refuses the key with another body; decides a refusal afresh', async () => {
    const s = streamName('tally');
    const first = await run(s, 'k-1', { n: 5 });
    expect([first.replayed, first.revision, first.eventIds?.length]).toEqual([undefined, 0n, 1]);
    await run(s, 'k-2', { n: 1 });
    const again = await run(s, 'k-1', { n: 5 });
    expect(again).toMatchObject({ replayed: true, events: [{ type: 'added', data: { n: 5 } }], eventIds: first.eventIds, revision: 1n });
    expect(again.append).toEqual(first.append);
    await expect(run(s, 'k-1', { n: 6 })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(run(streamName('tally'), 'k-1', { n: 5 })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(run(s, 'k-3', { n: 10, limit: 10 })).rejects.toMatchObject({ code: 'TALLY_FULL' });
    await run(s, 'k-2b', { n: -6 }); // room again: the refused key is decided afresh
    expect((await run(s, 'k-3', { n: 10, limit: 10 })).replayed).toBeUndefined();
    expect(await count(s)).toBe(4);
    await settle();
    expect((await ctx.store.readStream(claimStreamOf('contract-user', 'k-1'))).map((e) => e.type)).toEqual([
      'idempotency.key_claimed',
      'idempotency.outcome_recorded',
    ]);
  });

  it('claims a key before deciding, or only once there is something to write (a refusal then writes nothing)', async () => {
    const s = streamName('tally');
    await expect(run(s, 'first', { n: 5, limit: 1 })).rejects.toMatchObject({ code: 'TALLY_FULL' });
    await expect(run(s, 'first', { n: 1 })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(run(s, 'lazy', { n: 5, limit: 1 }, {}, 'before-writing')).rejects.toMatchObject({ code: 'TALLY_FULL' });
    expect(await ctx.store.readStream(claimStreamOf('contract-user', 'lazy'))).toEqual([]);
    expect((await run(s, 'lazy', { n: 1 }, {}, 'before-writing')).replayed).toBeUndefined();
    expect((await run(s, 'lazy', { n: 1 }, {}, 'before-writing')).replayed).toBe(true);
    await expect(run(s, 'lazy', { n: 2 }, {}, 'before-writing')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('answers a retry before comparing If-Match, and refuses a stale one', async () => {
    const s = streamName('tally');
    await run(s, 'a', { n: 1 }, { ifMatch: -1n });
    expect((await run(s, 'a', { n: 1 }, { ifMatch: -1n })).replayed).toBe(true);
    await expect(run(s, 'b', { n: 1 }, { ifMatch: -1n })).rejects.toMatchObject({ code: 'STALE_REVISION' });
  });

  it('writes once when the same request runs 8 times at once', async () => {
    const s = streamName('tally');
    await run(s, 'open', { n: 0 });
    const results = await Promise.all(Array.from({ length: 8 }, () => run(s, 'same', { n: 3 }, { retries: 20 })));
    expect(await count(s)).toBe(2);
    // Each answers the one outcome (the store may answer the duplicates' append itself, as the idempotent append it is).
    expect(new Set(results.map((r) => `${r.eventIds![0]}@${r.append!.nextRevision}`))).toEqual(
      new Set([`${eventIdFor('contract-user\u0000same', 0, s)}@1`]),
    );
  });

  it('finds a request written before a crash left its outcome unrecorded, and records it', async () => {
    const s = streamName('tally');
    await run(s, 'before', { n: 1 });
    const claim = { command: 'tally.add', target: s, fingerprint: JSON.stringify({ n: 2 }), after: '0' };
    await new RequestLedger(ctx.store).claim('contract-user', 'crashed', claim, {});
    const id = eventIdFor('contract-user\u0000crashed', 0, s);
    await ctx.store.appendToStream(s, [{ id, type: 'added', data: { n: 2 } }], { expectedRevision: 0n });
    await run(s, 'later', { n: 4 });
    const retry = await run(s, 'crashed', { n: 2 });
    expect([retry.replayed, retry.eventIds, await count(s)]).toEqual([true, [id], 3]);
    await settle();
    expect((await new RequestLedger(ctx.store).read('contract-user', 'crashed')).outcome).toEqual({
      streamId: s,
      firstRevision: '1',
      eventIds: [id],
    });
  });

  it('answers requests written before the ledger, whose ids derive from the key alone, without claiming their key', async () => {
    const s = streamName('tally');
    const old = (key: string, i: number, n: number) => ({
      id: eventIdFor(key, i, s),
      type: 'added',
      data: { n },
      metadata: { requestId: key },
    });
    await ctx.store.appendToStream(s, [old('v1-a', 0, 1), old('v1-a', 1, 1)], { expectedRevision: 'no_stream' });
    await ctx.store.appendToStream(s, [old('v1-b', 0, 7)], { expectedRevision: 1n });
    const retry = await run(s, 'v1-a', { n: 1 });
    expect([retry.replayed, retry.events.length, retry.state]).toEqual([true, 2, { count: 3, sum: 9 }]);
    expect(await ctx.store.readStream(claimStreamOf('contract-user', 'v1-a'))).toEqual([]);
    expect((await run(s, 'v1-c', { n: 1 })).replayed).toBeUndefined();
    expect(await count(s)).toBe(4);
  });
}
