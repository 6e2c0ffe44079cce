import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SqliteEventStore, StreamStates } from '#event-store';
import { envelopeDecider } from './envelope.decider.js';
import { envelopeStreamId } from './envelope.id.js';
import { envelopeInvariantViolations } from './envelope.invariants.js';
import { envelopeSnapshots, handleEnvelopeCommand, loadEnvelope, readEnvelope } from './application/handle-envelope-command.js';
import { cmd, ctx } from '../test/envelope.fixtures.js';

const ID = 'fir-ars-44-2023';
const STREAM = envelopeStreamId(ID);

/** One step: a command (its target commitment picked among those made), or a reader's event. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('commit' as const), amount: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({
    kind: fc.constantFrom('pay' as const, 'release' as const, 'retry' as const),
    pick: fc.nat(),
    amount: fc.integer({ min: 1, max: 900 }),
  }),
  fc.record({ kind: fc.constantFrom('another reader' as const, 'bad snapshot' as const), every: fc.integer({ min: 1, max: 7 }) }),
);

describe('folded envelope states (memory, snapshots, tails) against the full fold of the stream', () => {
  it('give the full fold’s state after any sequence of commands, snapshots and readers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const store = new SqliteEventStore({ path: ':memory:' });
        try {
          const run = (c: Parameters<typeof handleEnvelopeCommand>[2]) => handleEnvelopeCommand(store, ID, c).catch(() => undefined);
          await run(cmd('OpenEnvelope', { fund: 'fir', territoryCode: 'ars-44', period: { fromYear: 2023, toYear: 2023 } }));
          await run(cmd('NotifyCredits', { aeCents: 10_000_000, cpCents: 10_000_000 }));
          const refs: string[] = [];
          const sent: Parameters<typeof handleEnvelopeCommand>[2][] = [];
          let reader = new StreamStates(store);
          let policy = { ...envelopeSnapshots, every: 3 };
          for (const [i, s] of steps.entries()) {
            const ref = refs[('pick' in s ? s.pick : 0) % Math.max(1, refs.length)];
            if (s.kind === 'commit') refs.push(`EJ-${i}`);
            const command =
              s.kind === 'commit'
                ? cmd('Commit', { commitmentRef: `EJ-${i}`, projectId: 'p', amountCents: s.amount, ctx: ctx('finance'), on: ID })
                : s.kind === 'pay' && ref
                  ? cmd('RecordServiceDone', { commitmentRef: ref, amountCents: s.amount, reference: 'PV', ctx: ctx('finance') })
                  : s.kind === 'release' && ref
                    ? cmd('ReleaseCommitment', { commitmentRef: ref, amountCents: s.amount, reason: 'fin', ctx: ctx('finance') })
                    : s.kind === 'retry'
                      ? sent[s.pick % Math.max(1, sent.length)]
                      : undefined;
            if (command) {
              sent.push(command);
              await run(command);
            }
            if (s.kind === 'another reader') [reader, policy] = [new StreamStates(store), { ...envelopeSnapshots, every: s.every }];
            if (s.kind === 'bad snapshot') {
              const saved = { streamId: STREAM, schema: envelopeSnapshots.schema, position: 1n, state: { state: { status: 'none' } } };
              await store.snapshots.save({ ...saved, revision: BigInt(s.every), eventId: '00000000-0000-4000-8000-000000000000' });
            }
            const { state: full } = await readEnvelope(store, ID);
            expect(envelopeInvariantViolations(full)).toEqual([]);
            expect((await reader.load(STREAM, envelopeDecider, policy)).state).toEqual(full);
            expect((await loadEnvelope(store, ID)).state).toEqual(full);
            expect((await new StreamStates(store).load(STREAM, envelopeDecider, policy)).state).toEqual(full);
          }
        } finally {
          await new Promise((r) => setTimeout(r, 5)); // the background snapshot saves of this run, before the store closes
          await store.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
