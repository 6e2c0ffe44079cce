import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiHarness } from '../support/api-harness.js';
import { type Actors, NANCY_METZ_2023, envelopeCommand, key, validatedEducationProject } from './funding-flow.js';
import { COMMUNE_SIRET, commitAct, fundedNancyMetz, payInstalment, signedAwardAct } from './award-flow.js';

describe('amendments (avenants): signed by the authority with their reason, then the EJ follows', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    ({ api, a } = await fundedNancyMetz());
  });
  afterAll(async () => {
    await api.close();
  });
  const amend = (id: string, token: string, body: Record<string, unknown>) =>
    api.request('POST', `/projects/${id}/award-act/amendments`, { token, body });
  const adjust = (id: string, amendmentNumber: number) =>
    envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/adjust-commitment`, { projectId: id, amendmentNumber }, key('adjust'));
  const envelope = async () => (await api.request('GET', `/envelopes/${NANCY_METZ_2023}`, { token: a.finance })).body;

  it('an increase of a €12,000 grant to €15,000 consumes €3,000 more AE once finance adjusts the EJ; a reduction releases', async () => {
    const id = await validatedEducationProject(api, a, 1_500_000, 1_200_000, 'Une chorale inter-écoles');
    const act = await signedAwardAct(api, a, id);
    expect((await commitAct(api, a.finance, NANCY_METZ_2023, id)).status).toBe(200);
    await payInstalment(api, a, NANCY_METZ_2023, act.actId, 1, '6000.00');
    const before = await envelope();

    expect((await amend(id, a.finance, { kind: 'increase', amount: '15000.00', reason: 'Une classe de plus' })).status).toBe(403);
    const noReason = await amend(id, a.eduDecider, { kind: 'increase', amount: '15000.00' });
    expect(noReason.status).toBe(400);
    const increased = await amend(id, a.eduDecider, {
      kind: 'increase',
      amount: '15000.00',
      reason: 'Une classe de plus rejoint la chorale',
    });
    expect(increased.status).toBe(201);
    expect(increased.body).toMatchObject({
      amountCents: 1_500_000,
      schedule: [{ amountCents: 600_000 }, { amountCents: 900_000 }],
      amendments: [{ number: 1, kind: 'increase', deltaCents: 300_000, inEffect: true, signature: { signatory: expect.any(String) } }],
    });
    const adjusted = await adjust(id, 1);
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.balance.ae.committedCents - before.ae.committedCents).toBe(300_000);
    expect((await adjust(id, 1)).body.code).toBe('ENVELOPE_AMENDMENT_APPLIED');

    const below = await amend(id, a.eduDecider, { kind: 'reduction', amount: '5000.00', reason: 'Action réduite' });
    expect(below.body).toMatchObject({ status: 409, code: 'AWARD_ACT_AMENDMENT_BELOW_CERTIFIED' });
    expect((await amend(id, a.eduDecider, { kind: 'reduction', amount: '10000.00', reason: 'Action réduite à deux classes' })).status).toBe(
      201,
    );
    const reduced = await adjust(id, 2);
    expect(reduced.body.balance.ae.releasedCents - before.ae.releasedCents).toBe(500_000);
    const funding = await api.request('GET', `/projects/${id}/funding`, { token: a.finance });
    expect(funding.body.commitment).toMatchObject({ netCommittedCents: 1_000_000 });
    const avenants = (funding.body.movements as { operation: string; aeDeltaCents?: number }[]).filter((m) => m.operation === 'avenant');
    expect(avenants.map((m) => m.aeDeltaCents)).toEqual([-300_000, 500_000]);
  });

  it('an extension moves the report’s due day within the envelope; a change of payee names the new one', async () => {
    const id = await validatedEducationProject(api, a, 800_000, 800_000, 'Un potager sur deux années');
    await signedAwardAct(api, a, id);
    const outside = await amend(id, a.eduDecider, { kind: 'extension', lastExercise: 2024, reason: 'Action prolongée' });
    expect(outside.body).toMatchObject({ status: 400, code: 'AWARD_ACT_EXERCISES_OUTSIDE_ENVELOPE' });
    const unknown = await amend(id, a.eduDecider, { kind: 'payee_change', payeeOrganisationId: '99999999999999', reason: 'Transfert' });
    expect(unknown.status).toBe(404);
    const same = await amend(id, a.eduDecider, { kind: 'payee_change', payeeOrganisationId: COMMUNE_SIRET, reason: 'Transfert' });
    expect(same.body).toMatchObject({ status: 400, code: 'AWARD_ACT_INVALID_FIELD' });
  });
});
