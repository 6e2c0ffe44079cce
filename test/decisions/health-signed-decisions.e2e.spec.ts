import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { type Actors, actors, declare, dossier, edit, ok, run } from '../lifecycle/lifecycle-flow.js';

const DT_ARRETE = 'Décision n° 2023-112 du 1er septembre 2023 portant délégation de signature au délégué territorial de la Meuse';

/** CNR santé: the CTS takes part as each ARS sets it; the DG ARS or, by delegation, a délégué territorial signs. */
describe('signed health decisions: the CTS heard or selecting, a délégué territorial by delegation', () => {
  let api: ApiHarness;
  let a: Actors;
  let t: Record<'auditor' | 'dgArs' | 'dtMeuse', string>;
  const must = async (path: string, token: string, body?: unknown) => {
    const res = await api.request('POST', path, { token, body: body ?? {} });
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  async function analysedProject(_program: 'health', title: string): Promise<string> {
    const id = await declare(api, a.holder, 'health', title);
    await ok(api, a.holder, id, 'start_drafting');
    await edit(api, a.holder, id, dossier());
    await ok(api, a.holder, id, 'submit');
    await ok(api, a.arsValidator, id, 'start_analysis');
    await ok(api, a.arsValidator, id, 'complete_analysis', { reason: 'Instruction close : dossier complet, budget cohérent' });
    return id;
  }

  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    t = {
      auditor: await api.token({ role: 'auditor', sub: 'auditor-ccomptes' }),
      dgArs: await api.token({ role: 'decider', sub: 'dg-ars-grand-est', scope: { regions: ['44'] }, capacity: 'dg_ars' }),
      dtMeuse: await api.token({ role: 'decider', sub: 'dt-ars-55', scope: { departements: ['55'] }, capacity: 'delegue_territorial' }),
    };
  });
  afterAll(() => api.close());

  it('health (ARS Grand Est): after the CTS opinion, the délégué territorial signs under the DG ARS’s delegation', async () => {
    const projectId = await analysedProject('health', 'Soins non programmés en maison de santé');
    const early = await run(api, t.dgArs, projectId, 'validate', { reason: 'Décision', grantedAmountCents: 1_000_000 });
    expect(early.body).toMatchObject({ status: 409, code: 'PROJECT_GUARD_FAILED' });
    await ok(api, a.arsValidator, projectId, 'refer_to_cts');
    await ok(api, a.arsValidator, projectId, 'record_cts_opinion', { reason: 'Avis favorable du CTS de la Meuse', favourable: true });
    const delegation = await must('/delegations', t.dgArs, {
      authority: { personId: 'dg-ars-grand-est', capacity: 'dg_ars', territory: { kind: 'region', code: '44' } },
      delegate: { personId: 'dt-ars-55', capacity: 'delegue_territorial' },
      territories: [{ kind: 'departement', code: '55' }],
      actKinds: ['decision.validate', 'decision.reject'],
      validFrom: '2023-09-01',
      actReference: DT_ARRETE,
    });
    const signed = await ok(api, t.dtMeuse, projectId, 'validate', { reason: 'Décision après avis du CTS', grantedAmountCents: 1_000_000 });
    const project = await api.request('GET', `/projects/${projectId}?minPosition=${signed.body.position}`, { token: t.auditor });
    expect(project.body.lastTransition.inputs.signature).toMatchObject({
      signatory: 'dt-ars-55',
      capacity: 'delegue_territorial',
      delegationId: delegation.delegationId,
    });
  });

  it('health (ARS Hauts-de-France): the CTS selects the actions; the délégué territorial’s decision, by delegation, cites it', async () => {
    const hdfHolder = await api.token({ role: 'holder', sub: 'coordinatrice-cpts-lille' });
    const dgHdf = await api.token({ role: 'decider', sub: 'dg-ars-hdf', scope: { regions: ['32'] }, capacity: 'dg_ars' });
    const created = await api.request('POST', '/projects', {
      token: hdfHolder,
      body: {
        program: 'health',
        title: 'Parcours santé mentale des jeunes',
        description: 'Repérage et orientation des jeunes en souffrance psychique, avec la maison des adolescents.',
        territory: { region: '32', departement: '59', cts: 'CTS-32-59-1' },
        holder: { organisationId: '590000014', name: 'CPTS de la métropole lilloise (identifiant fictif)', kind: 'cpts' },
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.projectId as string;
    await ok(api, hdfHolder, id, 'start_drafting');
    await edit(api, hdfHolder, id, dossier());
    await ok(api, hdfHolder, id, 'submit');
    await ok(api, a.hdfValidator, id, 'start_analysis');
    await ok(api, a.hdfValidator, id, 'complete_analysis', { reason: 'Instruction close' });
    const uncited = await run(api, dgHdf, id, 'validate', { reason: 'Décision', grantedAmountCents: 1_000_000 });
    expect(uncited.status).toBe(400);
    expect(uncited.body.errors).toEqual([expect.objectContaining({ field: 'sessionId', rule: 'cts-selection' })]);

    const cts = (
      await must('/committee-sessions', a.hdfValidator, {
        kind: 'cts',
        program: 'health',
        territory: 'CTS-32-59-1',
        date: '2023-09-20',
        quorum: { kind: 'minimum_voting', count: 1 },
      })
    ).sessionId;
    const member = await api.token({ role: 'validator', sub: 'membre-cts-lille', scope: { cts: ['CTS-32-59-1'] } });
    await must(`/committee-sessions/${cts}/members`, a.hdfValidator, { personId: 'membre-cts-lille', capacity: 'personnalite_qualifiee' });
    await must(`/committee-sessions/${cts}/agenda`, a.hdfValidator, { projectId: id });
    await must(`/committee-sessions/${cts}/items/${id}/votes`, member, { vote: 'favourable' });
    const selected = { outcome: 'favourable', proposedAmountCents: 1_000_000, reason: 'Action retenue par le CTS' };
    await must(`/committee-sessions/${cts}/items/${id}/proposal`, a.hdfValidator, selected);
    // The DG ARS delegates the Nord's decisions to its délégué territorial, who signs citing the CTS's selection.
    const dtNord = await api.token({ role: 'decider', sub: 'dt-ars-59', scope: { departements: ['59'] }, capacity: 'delegue_territorial' });
    const delegation = await must('/delegations', dgHdf, {
      authority: { personId: 'dg-ars-hdf', capacity: 'dg_ars', territory: { kind: 'region', code: '32' } },
      delegate: { personId: 'dt-ars-59', capacity: 'delegue_territorial' },
      territories: [{ kind: 'departement', code: '59' }],
      actKinds: ['decision.validate'],
      validFrom: '2023-09-01',
      actReference: 'Décision DG ARS Hauts-de-France n° 2023-301 (référence de test)',
    });
    const signed = await ok(api, dtNord, id, 'validate', {
      reason: 'Action sélectionnée par le CTS',
      grantedAmountCents: 1_000_000,
      sessionId: cts,
    });
    const project = await api.request('GET', `/projects/${id}?minPosition=${signed.body.position}`, { token: t.auditor });
    expect(project.body.lastTransition.inputs.signature).toEqual({
      signatory: 'dt-ars-59',
      capacity: 'delegue_territorial',
      delegationId: delegation.delegationId,
      actReference: 'Décision DG ARS Hauts-de-France n° 2023-301 (référence de test)',
      proposal: { sessionId: cts, sessionKind: 'cts', sessionDate: '2023-09-20', outcome: 'favourable', proposedAmountCents: 1_000_000 },
    });
  });
});
