import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { envelopeStreamId } from './envelope.id.js';
import { envelopeBalance } from './envelope.balance.js';
import { envelopeInvariantViolations } from './envelope.invariants.js';
import { handleEnvelopeCommand, readEnvelope } from './application/handle-envelope-command.js';
import { allocateToChild } from './application/allocate-to-child.js';
import { transfer } from './application/transfer.js';
import { completePendingTransfers } from './application/complete-pending.js';
import { FIP_NATIONAL, LATER, cmd, ctx, euros, openAcademie, openFipNational } from '../test/envelope.fixtures.js';

const ENVELOPE = 'fir-ars-44-2023';

describe('idempotency and cross-envelope operations on a real SQLite store', () => {
  let dir: string;
  let path: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-funding-'));
    path = join(dir, 'events.sqlite');
    store = new SqliteEventStore({ path });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (type: string, id = ENVELOPE) => (await store.readStream(envelopeStreamId(id))).filter((e) => e.type === type).length;

  it('answers a retried request with its first outcome and writes nothing, also after a restart', async () => {
    await handleEnvelopeCommand(
      store,
      ENVELOPE,
      cmd('OpenEnvelope', { fund: 'fir', territoryCode: 'ars-44', period: { fromYear: 2023, toYear: 2023 } }),
    );
    await handleEnvelopeCommand(store, ENVELOPE, cmd('NotifyCredits', { aeCents: euros(1_000_000), cpCents: euros(500_000) }));
    const commit = cmd('Commit', {
      commitmentRef: 'EJ-1',
      projectId: 'project-1',
      amountCents: euros(30_000),
      requestId: 'idem-key-1',
      ctx: ctx('finance'),
      on: ENVELOPE,
    });
    const first = await handleEnvelopeCommand(store, ENVELOPE, commit);
    expect(first.replayed).toBe(false);
    const again = await handleEnvelopeCommand(store, ENVELOPE, commit);
    expect(again.replayed).toBe(true);
    expect(again.outcome).toEqual(first.outcome);
    expect(again.revision).toBe(first.revision);

    await store.close();
    store = new SqliteEventStore({ path });
    const afterRestart = await handleEnvelopeCommand(store, ENVELOPE, { ...commit, ctx: { ...ctx('finance'), now: LATER } });
    expect(afterRestart.replayed).toBe(true);
    expect(afterRestart.outcome).toEqual(first.outcome);
    expect(await count('envelope.committed')).toBe(1);
    // a request id is its actor's (an Idempotency-Key is a principal's): another actor's is another request, decided for itself
    await expect(
      handleEnvelopeCommand(store, ENVELOPE, { ...commit, ctx: ctx('finance', 'another-finance-officer') }),
    ).rejects.toMatchObject({
      code: 'ENVELOPE_COMMITMENT_EXISTS',
    });

    // retries racing with each other: the ledger's claim and the derived event ids let one write
    const racing = await Promise.all(
      Array.from({ length: 8 }, () =>
        handleEnvelopeCommand(store, ENVELOPE, {
          ...commit,
          requestId: 'idem-key-2',
          commitmentRef: 'EJ-2',
          ejNumber: 'EJ-EJ-2',
          act: { ...commit.act, actId: 'EJ-2' },
        }),
      ),
    );
    expect(new Set(racing.map((r) => JSON.stringify({ ...r.outcome, position: String(r.outcome.position) }))).size).toBe(1);
    expect(await count('envelope.committed')).toBe(2);

    await expect(handleEnvelopeCommand(store, ENVELOPE, { ...commit, amountCents: euros(30_001) })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    const { state } = await readEnvelope(store, ENVELOPE);
    expect(envelopeBalance(state)!.ae).toMatchObject({ committed: euros(60_000), available: euros(940_000) });
  });

  describe('sub-allocation and transfer (two streams each)', () => {
    const A09 = 'fip-academie-09-2023';
    const A10 = 'fip-academie-10-2023';
    const setUp = async () => {
      for (const [id, open] of [
        [FIP_NATIONAL, openFipNational()],
        [A09, openAcademie('09')],
        [A10, openAcademie('10')],
      ] as const) {
        await handleEnvelopeCommand(store, id, open);
      }
      await handleEnvelopeCommand(
        store,
        FIP_NATIONAL,
        cmd('NotifyCredits', { aeCents: euros(150_000_000), cpCents: euros(50_000_000), ctx: ctx('admin') }),
      );
    };
    const allocation = {
      parentId: FIP_NATIONAL,
      childId: A09,
      requestId: 'alloc-09',
      aeCents: euros(4_000_000),
      cpCents: euros(1_000_000),
      ctx: ctx('admin'),
    };

    it('allocates parent → child once, however often it is run', async () => {
      await setUp();
      const first = await allocateToChild(store, allocation);
      expect([first.source.replayed, first.target.replayed]).toEqual([false, false]);
      const second = await allocateToChild(store, allocation);
      expect([second.source.replayed, second.target.replayed]).toEqual([true, true]);
      expect(await count('envelope.allocated_to_child', FIP_NATIONAL)).toBe(1);
      expect(await count('envelope.allocation_received', A09)).toBe(1);
      const child = envelopeBalance((await readEnvelope(store, A09)).state)!;
      expect(child.ae).toMatchObject({ received: euros(4_000_000), available: euros(4_000_000) });
      const parent = envelopeBalance((await readEnvelope(store, FIP_NATIONAL)).state)!;
      expect(parent.ae).toMatchObject({ allocated: euros(4_000_000), available: euros(146_000_000) });
    });

    it('completes an allocation interrupted between its two halves (crash), by re-running or by the recovery sweep', async () => {
      await setUp();
      // the crash: only the parent's half was written
      await handleEnvelopeCommand(store, FIP_NATIONAL, {
        type: 'AllocateToChild',
        requestId: 'alloc-09',
        ctx: allocation.ctx,
        childId: A09,
        aeCents: allocation.aeCents,
        cpCents: allocation.cpCents,
      });
      await handleEnvelopeCommand(store, FIP_NATIONAL, {
        type: 'AllocateToChild',
        requestId: 'alloc-10',
        ctx: allocation.ctx,
        childId: A10,
        aeCents: 100,
        cpCents: 0,
      });
      expect(await count('envelope.allocation_received', A09)).toBe(0);
      await store.close();
      store = new SqliteEventStore({ path });
      const resumed = await allocateToChild(store, allocation);
      expect([resumed.source.replayed, resumed.target.replayed]).toEqual([true, false]);
      const swept = await completePendingTransfers(store, FIP_NATIONAL, ctx('system'));
      expect(swept.map((r) => r.state.status !== 'none' && r.state.envelopeId)).toEqual([A10]);
      expect(await completePendingTransfers(store, FIP_NATIONAL, ctx('system'))).toEqual([]);
      expect(await count('envelope.allocation_received', A09)).toBe(1);
      expect(await count('envelope.allocation_received', A10)).toBe(1);
    });

    it('refuses an allocation to an envelope that is not a child before the parent consumes anything', async () => {
      await setUp();
      await handleEnvelopeCommand(store, 'fip-academie-11-2023', openAcademie('11', null));
      await expect(allocateToChild(store, { ...allocation, childId: 'fip-academie-11-2023' })).rejects.toMatchObject({
        code: 'ENVELOPE_NOT_A_CHILD',
      });
      await expect(allocateToChild(store, { ...allocation, childId: 'fip-academie-12-2023' })).rejects.toMatchObject({
        code: 'ENVELOPE_NOT_FOUND',
      });
      expect(await count('envelope.allocated_to_child', FIP_NATIONAL)).toBe(0);
    });

    it('transfers between siblings once; the children stay within what the parent allocated', async () => {
      await setUp();
      await allocateToChild(store, allocation);
      const move = {
        fromId: A09,
        toId: A10,
        requestId: 'transfer-1',
        aeCents: euros(1_500_000),
        cpCents: euros(200_000),
        reason: 'projets prêts',
        ctx: ctx('finance'),
      };
      await transfer(store, move);
      const again = await transfer(store, move);
      expect([again.source.replayed, again.target.replayed]).toEqual([true, true]);
      await expect(transfer(store, { ...move, requestId: 'transfer-2', aeCents: euros(2_500_001) })).rejects.toMatchObject({
        code: 'ENVELOPE_INSUFFICIENT_AE',
        details: { availableCents: euros(2_500_000), requestedCents: euros(2_500_001) },
      });
      const states = await Promise.all([FIP_NATIONAL, A09, A10].map(async (id) => (await readEnvelope(store, id)).state));
      const [parent, a09, a10] = states.map((s) => envelopeBalance(s)!);
      expect(a09!.ae.available + a10!.ae.available).toBe(parent!.ae.allocated);
      expect(a10!.ae).toMatchObject({ transferredIn: euros(1_500_000), available: euros(1_500_000) });
      for (const s of states) expect(envelopeInvariantViolations(s)).toEqual([]);
    });
  });
});
