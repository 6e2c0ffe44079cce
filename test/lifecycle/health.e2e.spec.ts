import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { type Actors, actors, commandsOf, declare, dossier, edit, eventTypes, ok, read, run } from './lifecycle-flow.js';

describe('health (CNR santé / FIR) through HTTP with real tokens', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
  });
  afterAll(async () => {
    await api.close();
  });

  async function underAnalysis(title?: string) {
    const id = await declare(api, a.holder, 'health', title);
    await ok(api, a.holder, id, 'start_drafting');
    expect((await edit(api, a.holder, id, dossier(1_500_000))).status).toBe(200);
    await ok(api, a.holder, id, 'submit');
    await ok(api, a.arsValidator, id, 'start_analysis');
    return id;
  }

  it('intention → … → CTS review → the CTS opinion → validated by the ARS', async () => {
    const id = await underAnalysis();
    let project = await read(api, a.arsValidator, id);
    expect(project.body).toMatchObject({
      program: 'health',
      status: 'under_analysis',
      workflow: { definition: { id: 'cnr-health', version: 1 } },
    });
    expect(project.body.content).toMatchObject({ holder: { organisationId: '550000012' }, territory: { region: '44', cts: 'CTS-44-55' } });
    expect(commandsOf(project)).toEqual(['request_completion', 'refer_to_cts']);

    await ok(api, a.arsValidator, id, 'refer_to_cts');
    // The ARS decides only once the territorial health council has been heard.
    const early = await run(api, a.arsValidator, id, 'validate', { reason: 'Urgent', grantedAmountCents: 1_000_000 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'PROJECT_GUARD_FAILED', guard: 'cts_opinion_recorded' });
    project = await read(api, a.ctsValidator, id);
    expect(commandsOf(project)).toEqual(['record_cts_opinion']);

    const noOpinion = await run(api, a.ctsValidator, id, 'record_cts_opinion', { reason: 'Avis rendu en séance du 12 octobre' });
    expect(noOpinion.status).toBe(400);
    expect(noOpinion.body).toMatchObject({ code: 'PROJECT_INPUT_REQUIRED', errors: [expect.objectContaining({ field: 'favourable' })] });
    const noReason = await run(api, a.ctsValidator, id, 'record_cts_opinion', { favourable: true });
    expect(noReason.body).toMatchObject({ code: 'PROJECT_REASON_REQUIRED', errors: [expect.objectContaining({ field: 'reason' })] });
    await ok(api, a.ctsValidator, id, 'record_cts_opinion', {
      reason: 'Avis favorable du CTS de la Meuse, séance du 12 octobre',
      favourable: true,
    });
    project = await read(api, a.arsValidator, id);
    expect(project.body).toMatchObject({ status: 'cts_review', ctsOpinion: { favourable: true, by: 'val-dt-meuse' } });
    expect(commandsOf(project)).toEqual(['record_cts_opinion', 'validate', 'reject']);

    const validated = await ok(api, a.arsValidator, id, 'validate', {
      reason: 'Décision du directeur général de l’ARS Grand Est',
      grantedAmountCents: 1_200_000,
    });
    expect(validated.body.status).toBe('validated');
    project = await read(api, a.holder, id);
    expect(project.body).toMatchObject({
      status: 'validated',
      grantedAmountCents: 1_200_000,
      lastTransition: { by: { id: 'val-ars-grand-est' } },
    });
    expect(commandsOf(project)).toEqual(['withdraw']);
    const transitions = (await eventTypes(api, id)).filter((t) => !['project.intention_declared', 'project.content_edited'].includes(t));
    expect(transitions).toEqual([
      'project.drafting_started',
      'project.submitted',
      'project.analysis_started',
      'project.referred_to_cts',
      'project.cts_opinion_recorded',
      'project.validated',
    ]);
  });

  it('a validator of another ARS is 403; an unfavourable opinion then a rejection, reopened with a reason', async () => {
    const id = await underAnalysis('Équipe mobile de prévention en Meuse');
    const hdf = await run(api, a.hdfValidator, id, 'refer_to_cts');
    expect(hdf.status).toBe(403);
    expect(hdf.body).toMatchObject({ code: 'PROJECT_OUT_OF_TERRITORY', territory: { region: '44' } });
    const eduValidator = await run(api, a.eduValidator, id, 'refer_to_cts');
    expect(eduValidator.status).toBe(403);
    await ok(api, a.ctsValidator, id, 'refer_to_cts');
    await ok(api, a.ctsValidator, id, 'record_cts_opinion', { reason: 'Doublon avec un dispositif existant', favourable: false });
    await ok(api, a.arsValidator, id, 'reject', { reason: 'Avis défavorable du CTS suivi' });
    const reopened = await ok(api, a.arsValidator, id, 'reopen', { reason: 'Recours gracieux du porteur' });
    expect(reopened.body.status).toBe('under_analysis');
    await ok(api, a.arsValidator, id, 'refer_to_cts');
    // A new CTS round needs a new opinion.
    expect((await read(api, a.arsValidator, id)).body.ctsOpinion).toBeUndefined();
    expect((await run(api, a.arsValidator, id, 'reject', { reason: 'x' })).status).toBe(409);
  });
});
