import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import { envelopeDecider } from './envelope.decider.js';
import { cmd, ctx, euros, history, openHdf, signedActFor, stamp } from '../test/envelope.fixtures.js';

const spec = deciderSpecification(envelopeDecider);
const finance = ctx('finance', 'gestionnaire-ars-32');
const accountant = ctx('accountant', 'comptable-ars-32');
/** FIR Hauts-de-France 2023 (no split), an EJ of €100,000 on an act scheduling €40,000 at start and €60,000 on the report. */
const committed = () => {
  const commit = cmd('Commit', { commitmentRef: 'AA-p-1', projectId: 'p-1', amountCents: euros(100_000) });
  const act = signedActFor(commit, 'fir-ars-32-2023-2024').act;
  const schedule = [
    { number: 1, kind: 'advance', amountCents: euros(40_000) },
    { number: 2, kind: 'balance', amountCents: euros(60_000) },
  ];
  return history([
    openHdf(),
    cmd('SetSplit', { split: null }),
    cmd('NotifyCredits', { aeCents: euros(2_600_000), cpCents: euros(1_000_000) }),
    { ...commit, act: { ...act, schedule } },
  ]);
};
const certify = (amount: number, instalment = 1, by = finance) =>
  cmd('RecordServiceDone', { commitmentRef: 'AA-p-1', amountCents: euros(amount), instalment, reference: 'PV de démarrage', ctx: by });
const order = (amount: number, orderRef = 'DP-1', instalment = 1, by = finance) =>
  cmd('OrderPayment', { commitmentRef: 'AA-p-1', amountCents: euros(amount), instalment, orderRef, ctx: by });
const pay = (orderRef = 'DP-1', by = accountant) => cmd('PayInstalment', { commitmentRef: 'AA-p-1', orderRef, ctx: by });

describe('service fait, payment order, payment: three steps, two people at least', () => {
  it('finance certifies an instalment on its evidence, within its amount in the schedule', () => {
    const done = certify(40_000);
    spec
      .given(committed())
      .when(done)
      .then([
        {
          type: 'envelope.service_done',
          data: {
            ...stamp(done),
            year: 2023,
            commitmentRef: 'AA-p-1',
            amountCents: euros(40_000),
            reference: 'PV de démarrage',
            instalment: 1,
            certifiedBy: 'gestionnaire-ars-32',
          },
        },
      ]);
    spec
      .given(committed())
      .when(certify(40_001))
      .thenThrows('ENVELOPE_SERVICE_EXCEEDS_COMMITMENT', { availableCents: euros(40_000) });
    spec.given(committed()).when(certify(1, 3)).thenThrows('ENVELOPE_UNKNOWN_INSTALMENT', { field: 'instalment' });
    spec
      .given(committed())
      .when({ ...certify(1), reference: undefined })
      .thenThrows('ENVELOPE_INVALID_TEXT', { field: 'reference' });
  });

  it('never the beneficiary, never the system, never the accountant certifies', () => {
    for (const role of ['holder', 'system', 'accountant'] as const) {
      spec
        .given(committed())
        .when(certify(1, 1, ctx(role)))
        .thenThrows('ENVELOPE_ROLE_FORBIDDEN', { allowedRoles: ['finance', 'admin'] });
    }
  });

  it('the ordonnateur orders what is certified and not yet ordered; the accountant pays it from the CP', () => {
    const certified = history([certify(40_000)], committed());
    spec
      .given(certified)
      .when(order(40_001))
      .thenThrows('ENVELOPE_SERVICE_NOT_DONE', { availableCents: euros(40_000) });
    spec
      .given(certified)
      .when(order(1, 'DP-1', 1, accountant))
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN');
    const ordered = history([order(40_000)], certified);
    spec.given(ordered).when(order(1, 'DP-1')).thenThrows('ENVELOPE_ORDER_EXISTS');
    const paid = pay();
    spec
      .given(ordered)
      .when(paid)
      .then([
        {
          type: 'envelope.paid',
          data: {
            ...stamp(paid),
            year: 2023,
            commitmentRef: 'AA-p-1',
            amountCents: euros(40_000),
            instalment: 1,
            orderRef: 'DP-1',
            paidBy: 'comptable-ars-32',
          },
        },
      ]);
    spec
      .given(history([paid], ordered))
      .when(pay())
      .thenThrows('ENVELOPE_ORDER_PAID');
    spec.given(ordered).when(pay('DP-9')).thenThrows('ENVELOPE_ORDER_NOT_FOUND');
    spec
      .given(ordered)
      .when(pay('DP-1', finance))
      .thenThrows('ENVELOPE_ROLE_FORBIDDEN', { allowedRoles: ['accountant'] });
  });

  it('the same person never certifies and pays; the one who ordered never pays: 403 naming the rule', () => {
    const double = (role: 'finance' | 'accountant') => ctx(role, 'agent-aux-deux-habilitations');
    const certifiedByThem = history([certify(40_000, 1, double('finance')), order(40_000)], committed());
    spec
      .given(certifiedByThem)
      .when(pay('DP-1', double('accountant')))
      .thenThrows('SEPARATION_OF_DUTIES', { rule: 'certifier-never-pays' });
    const orderedByThem = history([certify(40_000), order(40_000, 'DP-1', 1, double('finance'))], committed());
    spec
      .given(orderedByThem)
      .when(pay('DP-1', double('accountant')))
      .thenThrows('SEPARATION_OF_DUTIES', { rule: 'orderer-never-pays' });
  });

  it('a payment needs the exercise’s CP', () => {
    const small = history(
      [certify(40_000), order(40_000), cmd('ReduceCredits', { aeCents: 0, cpCents: euros(970_000), reason: 'gel' })],
      committed(),
    );
    spec
      .given(small)
      .when(pay())
      .thenThrows('ENVELOPE_INSUFFICIENT_CP', { availableCents: euros(30_000), requestedCents: euros(40_000) });
    expect(small.length).toBeGreaterThan(0);
  });
});
