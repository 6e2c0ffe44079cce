import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { envelopeDecider } from './envelope.decider.js';
import { stepArbitrary } from '../test/envelope.generator.js';
import { REGRESSIONS } from '../test/envelope.regressions.js';
import { checkWorld, violationsOf } from '../test/envelope.model.checks.js';
import { runStep } from '../test/envelope.steps.js';
import { openWorld } from '../test/envelope.world.js';

/**
 * Random sequences of award acts, commitments, amendments, service fait, orders, payments, recovery orders and their collections,
 * releases, credits and year closes, over three envelopes and three exercises (2023–2025), checked after every step
 * against an independent model (test/envelope.model*.ts: the plain sums of what was accepted), not against the fold.
 */
describe('envelope properties', () => {
  // Each defect found by this property, fixed since: its shrunk counterexample runs clean, every check on.
  for (const found of REGRESSIONS)
    it(`fixed: ${found.title}`, () => {
      const w = openWorld();
      const checked: number[] = [];
      found.steps.forEach((s, i) => {
        runStep(w, s, i);
        checkWorld(w, checked);
      });
      expect(violationsOf(w).filter((v) => found.message.test(v))).toEqual([]);
    });

  it('after every step, the ledger sums, the balance, the commitments and the invariants agree with the model', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 160, size: 'max' }), (steps) => {
        const w = openWorld();
        const checked: number[] = [];
        steps.forEach((s, i) => {
          runStep(w, s, i);
          checkWorld(w, checked);
        });
        w.states.forEach((state, k) => expect(state).toEqual(w.events[k]!.reduce(envelopeDecider.evolve, envelopeDecider.initialState())));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('reaches every operation, the main refusals and all three exercises (the generator is not only refusals)', () => {
    const seen: Record<string, number> = {};
    const count = (key: string) => (seen[key] = (seen[key] ?? 0) + 1);
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 100, maxLength: 160 }), (steps) => {
        const w = openWorld();
        steps.forEach((s, i) => {
          const error = runStep(w, s, i);
          if (error) count(`${s.op}:${error.code}`);
        });
        for (const e of w.events.flat()) count(e.type === 'envelope.commitment_adjusted' ? `${e.type} (${e.data.kind})` : e.type);
        for (const m of w.models)
          for (const close of m.closes) {
            count(`closed ${close.year}`);
            if (close.unpaidOrders > 0) count('closed with unpaid orders (and a reason)');
            if (close.cpDecided !== null) count('closed with a CP carry-over decision');
          }
        for (const m of w.models) if (m.status === 'closed') count('envelope closed (2025, nothing left to pay)');
        count(`acts ${w.acts.length > 0 ? 'signed' : 'none'}`);
      }),
      { numRuns: 100, seed: 42 },
    );
    console.log(`[funding property] events, refusals (op:code) and closes reached: ${JSON.stringify(seen)}`);
    const rare = [
      'envelope.committed',
      'envelope.service_done',
      'envelope.payment_ordered',
      'envelope.paid',
      'envelope.recovery_ordered',
      'envelope.recovery_collected',
      'envelope.commitment_released',
      'envelope.commitment_adjusted (increase)',
      'envelope.commitment_adjusted (reduction)',
      'envelope.commitment_adjusted (extension)',
      'envelope.commitment_adjusted (payee_change)',
      'envelope.year_closed',
      'envelope.credits_notified',
      'envelope.credits_reduced',
      'envelope.allocation_received',
      'envelope.transfer_received',
      'envelope.split_exceeded',
      'closed 2023',
      'closed 2024',
      'closed 2025',
      'closed with unpaid orders (and a reason)',
      'closed with a CP carry-over decision',
    ].filter((type) => (seen[type] ?? 0) <= 3);
    expect(rare).toEqual([]);
    const unreached = [
      'commit:ENVELOPE_INSUFFICIENT_AE',
      'commit:ENVELOPE_COMMITMENT_ABOVE_ACT',
      'commit:ENVELOPE_AWARD_ACT_NOT_SIGNED',
      'commit:ENVELOPE_AWARD_ACT_OTHER_ENVELOPE',
      'commit:ENVELOPE_EJ_NUMBER_TAKEN',
      'commit:ENVELOPE_COMMITMENT_EXISTS',
      'service:ENVELOPE_SERVICE_EXCEEDS_COMMITMENT',
      'service:ENVELOPE_UNKNOWN_INSTALMENT',
      'order:ENVELOPE_SERVICE_NOT_DONE',
      'order:ENVELOPE_ORDER_EXISTS',
      'pay:SEPARATION_OF_DUTIES',
      'pay:ENVELOPE_ROLE_FORBIDDEN',
      'pay:ENVELOPE_ORDER_PAID',
      'pay:ENVELOPE_INSUFFICIENT_CP',
      'title:ENVELOPE_RECOVERY_EXCEEDS_PAID',
      'collect:ENVELOPE_RECOVERY_EXCEEDS_TITLE',
      'collect:SEPARATION_OF_DUTIES',
      'release:ENVELOPE_RELEASE_EXCEEDS_UNUSED',
      'release:ENVELOPE_NOTHING_TO_RELEASE',
      'amend:ENVELOPE_INSUFFICIENT_AE',
      'amend:ENVELOPE_AMENDMENT_BELOW_CERTIFIED',
      'amend:ENVELOPE_AMENDMENT_NOT_SIGNED',
      'amend:ENVELOPE_AMENDMENT_APPLIED',
      'amend:ENVELOPE_AMENDMENT_OTHER_ACT',
      'close:ENVELOPE_UNPAID_ORDERS',
      'close:ENVELOPE_REMAINING_TO_PAY',
      'close:ENVELOPE_RECOVERY_OUTSTANDING',
      'close:ENVELOPE_CARRY_OVER_ABOVE_CAP',
      'close:ENVELOPE_WRONG_YEAR',
      'close:ENVELOPE_CLOSED',
      'reuse:IDEMPOTENCY_KEY_REUSED',
    ].filter((refusal) => !seen[refusal]);
    expect(unreached).toEqual([]);
  });
});
