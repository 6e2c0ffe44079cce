import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { EventStore } from '../event-store.port.js';
import { IdempotencyConflictError, InvalidAppendError, StoreClosedError, WrongExpectedRevisionError } from '../event-store.errors.js';
import { UpcasterRegistry } from '../upcasting/upcaster.registry.js';
import { anEvent, type ContractFactory, type ContractHarness, events, streamName } from './contract.harness.js';
import { concurrencyCases } from './concurrency.contract.js';
import { subscriptionCases } from './subscription.contract.js';
import { crashCases } from './crash.contract.js';
import { snapshotCases } from './snapshot.contract.js';
import { requestCases } from './request.contract.js';

/**
 * The contract every event-store adapter passes. Cases an adapter cannot run here (no
 * server) are reported as not run, with the reason, and do not count as passed.
 */
export function runEventStoreContract(factory: ContractFactory): void {
  describe(`event store contract: ${factory.name}`, () => {
    const ctx = {
      h: undefined as unknown as ContractHarness,
      get store(): EventStore {
        return this.h.store;
      },
    };
    beforeEach(async () => {
      ctx.h = await factory.create();
    });
    afterEach(async () => {
      await ctx.h.cleanup();
    });

    it('appends to a new stream and reads it back with every recorded field', async () => {
      const s = streamName('project');
      const e = anEvent('IntentionDeclared', { title: 'Jardin partagé', amountCents: 1250000 });
      const r = await ctx.store.appendToStream(s, [e], { expectedRevision: 'no_stream' });
      expect(r.nextRevision).toBe(0n);
      expect(r.position).toBeGreaterThan(0n);
      const [read] = await ctx.store.readStream(s);
      expect(read).toMatchObject({
        id: e.id,
        streamId: s,
        revision: 0n,
        position: r.position,
        type: 'IntentionDeclared',
        schemaVersion: 1,
        data: e.data,
      });
      expect(read!.metadata).toMatchObject({ actor: 'contract-suite' });
      expect(read!.recordedAt).toBeInstanceOf(Date);
    });

    it('reads a missing stream as empty', async () => {
      expect(await ctx.store.readStream(streamName('missing'))).toEqual([]);
    });

    it('rejects a wrong expected revision with the store error, changes nothing, then takes the right append', async () => {
      const s = streamName('envelope');
      await ctx.store.appendToStream(s, events(2), { expectedRevision: 'no_stream' });
      const err = await ctx.store.appendToStream(s, events(1), { expectedRevision: 0n }).catch((e) => e);
      expect(err).toBeInstanceOf(WrongExpectedRevisionError);
      expect(err).toMatchObject({ streamId: s, expected: 0n, actual: 1n });
      await expect(ctx.store.appendToStream(s, events(1), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await ctx.store.readStream(s)).toHaveLength(2);
      const ok = await ctx.store.appendToStream(s, events(1), { expectedRevision: 1n });
      expect(ok.nextRevision).toBe(2n);
    });

    it('honours stream_exists and any', async () => {
      const s = streamName('project');
      const err = await ctx.store.appendToStream(s, events(1), { expectedRevision: 'stream_exists' }).catch((e) => e);
      expect(err).toMatchObject({ streamId: s, expected: 'stream_exists', actual: 'no_stream' });
      expect((await ctx.store.appendToStream(s, events(1), { expectedRevision: 'any' })).nextRevision).toBe(0n);
      expect((await ctx.store.appendToStream(s, events(2), { expectedRevision: 'stream_exists' })).nextRevision).toBe(2n);
    });

    it('appends several events atomically: an invalid one means none is written', async () => {
      const s = streamName('project');
      const bad = [anEvent(), { ...anEvent(), id: 'not-a-uuid' }];
      await expect(ctx.store.appendToStream(s, bad, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(
        ctx.store.appendToStream(s, [anEvent('T', { big: 1n as unknown as number })], { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(InvalidAppendError);
      expect(await ctx.store.readStream(s)).toEqual([]);
      const r = await ctx.store.appendToStream(s, events(3), { expectedRevision: 'no_stream' });
      const read = await ctx.store.readStream(s);
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(read.map((e) => e.position)).toEqual([r.position - 2n, r.position - 1n, r.position]);
    });

    it('reads a stream forwards and backwards, from a revision, with a max count', async () => {
      const s = streamName('project');
      await ctx.store.appendToStream(s, events(5), { expectedRevision: 'no_stream' });
      const rev = async (o: Parameters<EventStore['readStream']>[1]) => (await ctx.store.readStream(s, o)).map((e) => e.revision);
      expect(await rev({ fromRevision: 2n })).toEqual([2n, 3n, 4n]);
      expect(await rev({ fromRevision: 1n, maxCount: 2 })).toEqual([1n, 2n]);
      expect(await rev({ direction: 'backwards', maxCount: 2 })).toEqual([4n, 3n]);
      expect(await rev({ direction: 'backwards', fromRevision: 1n })).toEqual([1n, 0n]);
    });

    it('reads all in global order, from a position (inclusive), with a max count', async () => {
      const a = streamName('a');
      const b = streamName('b');
      const first = await ctx.store.appendToStream(a, events(2), { expectedRevision: 'no_stream' });
      await ctx.store.appendToStream(b, events(2), { expectedRevision: 'no_stream' });
      await ctx.store.appendToStream(a, events(1), { expectedRevision: 1n });
      const all = await ctx.store.readAll({ fromPosition: first.position - 1n, maxCount: 5 });
      expect(all.map((e) => e.streamId)).toEqual([a, a, b, b, a]);
      for (let i = 1; i < all.length; i++) expect(all[i]!.position).toBeGreaterThan(all[i - 1]!.position);
      expect(await ctx.store.headPosition()).toBe(all[4]!.position);
      expect((await ctx.store.readAll({ fromPosition: all[4]!.position })).map((e) => e.id)).toEqual([all[4]!.id]);
    });

    it('is idempotent: the same ids at the same expected revision return the first result and write nothing', async () => {
      const s = streamName('envelope');
      await ctx.store.appendToStream(s, events(1), { expectedRevision: 'no_stream' });
      const batch = events(2);
      const first = await ctx.store.appendToStream(s, batch, { expectedRevision: 0n });
      await ctx.store.appendToStream(s, events(1), { expectedRevision: 2n });
      const again = await ctx.store.appendToStream(s, batch, { expectedRevision: 0n });
      expect(again).toEqual(first);
      const anyAgain = await ctx.store.appendToStream(s, batch, { expectedRevision: 'any' });
      expect(anyAgain).toEqual(first);
      expect(await ctx.store.readStream(s)).toHaveLength(4);
      const tampered = [{ ...batch[0]!, data: { n: 999 } }, batch[1]!];
      await expect(ctx.store.appendToStream(s, tampered, { expectedRevision: 0n })).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect(await ctx.store.readStream(s)).toHaveLength(4);
    });

    it('upcasts old schema versions on read', async () => {
      const upcasters = new UpcasterRegistry().register('AmountRequested', 1, (d: { euros: string }) => ({
        amountCents: Math.round(Number(d.euros) * 100),
      }));
      const h = await factory.create({ upcasters });
      try {
        const s = streamName('project');
        await h.store.appendToStream(s, [{ ...anEvent('AmountRequested', { euros: '12.50' }), schemaVersion: 1 }], {
          expectedRevision: 'no_stream',
        });
        await h.store.appendToStream(s, [anEvent('AmountRequested', { amountCents: 700 })], { expectedRevision: 0n });
        const read = await h.store.readStream(s);
        expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
          [2, { amountCents: 1250 }],
          [2, { amountCents: 700 }],
        ]);
      } finally {
        await h.cleanup();
      }
    });

    it('reads an event stored under a retired type as the typed event it stands for; stored: true reads it as stored', async () => {
      const upcasters = new UpcasterRegistry()
        .retype('AmountChanged', 1, (d: { kind: string; cents: number }) => ({ type: `Amount${d.kind}`, data: { amountCents: d.cents } }))
        .register('AmountRaised', 1, (d: { amountCents: number }) => ({ ...d, currency: 'EUR' }));
      const h = await factory.create({ upcasters });
      try {
        const s = streamName('project');
        await h.store.appendToStream(s, [{ ...anEvent('AmountChanged', { kind: 'Raised', cents: 5 }), schemaVersion: 1 }], {
          expectedRevision: 'no_stream',
        });
        await h.store.appendToStream(s, [{ ...anEvent('AmountChanged', { kind: 'Lowered', cents: 2 }), schemaVersion: 1 }], {
          expectedRevision: 0n,
        });
        const read = await h.store.readStream(s);
        expect(read.map((e) => [e.type, e.schemaVersion, e.data])).toEqual([
          ['AmountRaised', 2, { amountCents: 5, currency: 'EUR' }],
          ['AmountLowered', 1, { amountCents: 2 }],
        ]);
        expect((await h.store.readAll()).filter((e) => e.streamId === s).map((e) => e.type)).toEqual(['AmountRaised', 'AmountLowered']);
        const stored = (await h.store.readAll({ stored: true })).filter((e) => e.streamId === s);
        expect(stored.map((e) => [e.type, e.schemaVersion, e.data])).toEqual([
          ['AmountChanged', 1, { kind: 'Raised', cents: 5 }],
          ['AmountChanged', 1, { kind: 'Lowered', cents: 2 }],
        ]);
      } finally {
        await h.cleanup();
      }
    });

    it('refuses work once closed', async () => {
      const store = await ctx.h.reopen();
      await store.close();
      await expect(store.appendToStream(streamName('x'), events(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(StoreClosedError);
    });

    concurrencyCases(ctx);
    subscriptionCases(ctx);
    snapshotCases(ctx);
    requestCases(ctx);
    crashCases(ctx);
  });
}
