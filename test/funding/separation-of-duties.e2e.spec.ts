import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import {
  type Actors,
  NANCY_METZ_2023,
  actors,
  envelopeCommand,
  eventually,
  fundingOf,
  openNancyMetz,
  validatedEducationProject,
} from './funding-flow.js';
import { commitAct, communePaysForSchool, payInstalment, signedAwardAct } from './award-flow.js';

describe('service fait, payment order, payment through HTTP: finance certifies and orders, the public accountant pays', () => {
  let api: ApiHarness;
  let a: Actors;
  let actId: string;
  let project: string;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    await communePaysForSchool(api, a);
    project = await validatedEducationProject(api, a, 1_200_000, 1_200_000, 'Une classe de découverte');
    actId = (await signedAwardAct(api, a, project)).actId;
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, project)).status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });
  const op = (token: string, path: string, body: unknown) => envelopeCommand(api, token, `/envelopes/${NANCY_METZ_2023}/${path}`, body);

  it('the advance: certified on the start of the action, ordered, paid by the accountant; the funding view says who', async () => {
    const { orderRef } = await payInstalment(api, a, NANCY_METZ_2023, actId, 1, '6000.00');
    const funding = await eventually(
      () => fundingOf(api, a.finance, project),
      (r) => r.body.commitment?.paidCents === 600_000,
    );
    expect(funding.body.movements.map((m: { operation: string; by: { role: string } }) => [m.operation, m.by.role])).toEqual([
      ['engagement juridique', 'finance'],
      ['service fait', 'finance'],
      ['ordre de payer', 'finance'],
      ['paiement', 'accountant'],
    ]);
    expect(orderRef).toMatch(/^DP-/);
  });

  it('refusals name the rule and write nothing: the accountant does not certify, finance does not pay, nobody pays twice', async () => {
    const certify = { commitmentRef: actId, instalment: 2, amount: '100.00', reference: 'Compte rendu accepté' };
    expect((await op(a.accountant, 'service-done', certify)).body).toMatchObject({ status: 403, code: 'ROLE_FORBIDDEN' });
    expect((await op(a.finance, 'service-done', { ...certify, reference: undefined })).body).toMatchObject({
      status: 400,
      errors: expect.arrayContaining([expect.objectContaining({ field: 'reference' })]),
    });
    expect((await op(a.finance, 'service-done', certify)).status).toBe(200);
    expect((await op(a.finance, 'order-payment', { commitmentRef: actId, instalment: 2, amount: '100.00', orderRef: 'DP-9' })).status).toBe(
      200,
    );
    const byFinance = await op(a.finance, 'pay', { commitmentRef: actId, orderRef: 'DP-9' });
    expect(byFinance.status).toBe(403);
    const paid = await op(a.accountant, 'pay', { commitmentRef: actId, orderRef: 'DP-9' });
    expect(paid.status).toBe(200);
    expect((await op(a.accountant, 'pay', { commitmentRef: actId, orderRef: 'DP-9' })).body).toMatchObject({
      status: 409,
      code: 'ENVELOPE_ORDER_PAID',
    });
  });

  it('one person holding both habilitations never pays what they certified or ordered (403 SEPARATION_OF_DUTIES)', async () => {
    const asFinance = await api.token({ role: 'finance', sub: 'agent-double', scope: { academies: ['12'] } });
    const asAccountant = await api.token({ role: 'accountant', sub: 'agent-double', scope: { academies: ['12'] } });
    const certify = { commitmentRef: actId, instalment: 2, amount: '200.00', reference: 'Compte rendu accepté' };
    expect((await op(asFinance, 'service-done', certify)).status).toBe(200);
    expect(
      (await op(a.finance, 'order-payment', { commitmentRef: actId, instalment: 2, amount: '200.00', orderRef: 'DP-10' })).status,
    ).toBe(200);
    const refused = await op(asAccountant, 'pay', { commitmentRef: actId, orderRef: 'DP-10' });
    expect(refused.body).toMatchObject({
      status: 403,
      code: 'SEPARATION_OF_DUTIES',
      errors: [{ field: 'orderRef', rule: 'certifier-never-pays' }],
    });
    expect(refused.body.detail).toContain('certifié le service fait');
    const certifyAgain = { ...certify, amount: '50.00' };
    expect((await op(a.finance, 'service-done', certifyAgain)).status).toBe(200);
    expect((await op(asFinance, 'order-payment', { commitmentRef: actId, instalment: 2, amount: '50.00', orderRef: 'DP-11' })).status).toBe(
      200,
    );
    // instalment 2 was certified by agent-double too: either rule stops them; the orderer rule is checked first.
    const ordered = await op(asAccountant, 'pay', { commitmentRef: actId, orderRef: 'DP-11' });
    expect(ordered.body).toMatchObject({
      status: 403,
      code: 'SEPARATION_OF_DUTIES',
      errors: [{ field: 'orderRef', rule: 'orderer-never-pays' }],
    });
    expect((await fundingOf(api, a.finance, project)).body.commitment).toMatchObject({ paidCents: 610_000 });
  });
});
