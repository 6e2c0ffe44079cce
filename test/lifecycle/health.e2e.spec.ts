import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { logV1Scenario, serveLogV1Copy } from '../support/log-v1/serve-copy.js';
import { deciderClaims } from '../support/validated-project.js';
import { type Actors, actors, commandsOf, declare, dossier, edit, eventTypes, lastEventData, ok, read, run } from './lifecycle-flow.js';

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

  it('intention → … → analysed → CTS review → the CTS opinion → returned to instruction → … → validated by the DG ARS', async () => {
    const id = await underAnalysis();
    let project = await read(api, a.arsValidator, id);
    expect(project.body).toMatchObject({
      program: 'health',
      status: 'under_analysis',
      workflow: { definition: { id: 'cnr-health', version: 2 } },
    });
    expect(project.body.content).toMatchObject({ holder: { organisationId: '550000012' }, territory: { region: '44', cts: 'CTS-44-55' } });
    // v2: the CTS is referred to once the délégation territoriale has closed the analysis.
    expect(commandsOf(project)).toEqual(['request_completion', 'complete_analysis']);
    expect((await run(api, a.arsValidator, id, 'refer_to_cts')).body).toMatchObject({
      code: 'PROJECT_ILLEGAL_TRANSITION',
      state: 'under_analysis',
    });
    await ok(api, a.arsValidator, id, 'complete_analysis', { reason: 'Instruction close : action éligible au FIR' });
    project = await read(api, a.arsValidator, id);
    expect(project.body.status).toBe('analysed');
    expect(commandsOf(project)).toEqual(['refer_to_cts']);
    // In Grand Est the DG ARS decides only once the territorial health council has been heard.
    expect(commandsOf(await read(api, a.arsDecider, id))).toEqual(['return_to_instruction']);
    const early = await run(api, a.arsDecider, id, 'validate', { reason: 'Urgent', grantedAmountCents: 1_000_000 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'PROJECT_GUARD_FAILED', guard: 'cts_opinion_where_required' });

    await ok(api, a.arsValidator, id, 'refer_to_cts');
    const stillEarly = await run(api, a.arsDecider, id, 'validate', { reason: 'Urgent', grantedAmountCents: 1_000_000 });
    expect(stillEarly.status).toBe(409);
    expect(stillEarly.body).toMatchObject({ code: 'PROJECT_GUARD_FAILED', guard: 'cts_opinion_where_required' });
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
    // The instructeur no longer decides: only the CTS's opinion is theirs to record.
    expect(commandsOf(project)).toEqual(['record_cts_opinion']);
    const validatorDecides = await run(api, a.arsValidator, id, 'validate', { reason: 'Décision', grantedAmountCents: 1_200_000 });
    expect(validatorDecides.status).toBe(403);
    expect(validatorDecides.body).toMatchObject({ code: 'PROJECT_ROLE_NOT_ALLOWED', role: 'validator', allowedRoles: ['decider'] });
    expect(commandsOf(await read(api, a.arsDecider, id))).toEqual(['validate', 'reject', 'return_to_instruction']);

    // The DG ARS sends it back for a missing piece; the analysis closed again, the CTS is heard again on the new dossier.
    const returned = await ok(api, a.arsDecider, id, 'return_to_instruction', { reason: 'Joindre la convention avec la MSP' });
    expect(returned.body).toMatchObject({ status: 'under_analysis', events: ['project.returned_to_instruction'] });
    expect((await lastEventData(api, id, 'project.returned_to_instruction')).signature).toEqual({
      signatory: 'dg-ars-44',
      capacity: 'dg_ars',
    });
    await ok(api, a.arsValidator, id, 'complete_analysis', { reason: 'Convention jointe' });
    const onTheOldOpinion = await run(api, a.arsDecider, id, 'validate', { reason: 'Décision', grantedAmountCents: 1_200_000 });
    expect(onTheOldOpinion.body).toMatchObject({ status: 409, code: 'PROJECT_GUARD_FAILED' });
    await ok(api, a.arsValidator, id, 'refer_to_cts');
    await ok(api, a.ctsValidator, id, 'record_cts_opinion', { reason: 'Avis favorable, convention jointe', favourable: true });

    const validated = await ok(api, a.arsDecider, id, 'validate', {
      reason: 'Décision du directeur général de l’ARS Grand Est',
      grantedAmountCents: 1_200_000,
    });
    expect(validated.body.status).toBe('validated');
    project = await read(api, a.holder, id);
    expect(project.body).toMatchObject({
      status: 'validated',
      grantedAmountCents: 1_200_000,
      lastTransition: { command: 'validate', by: { id: 'dg-ars-44', role: 'decider' } },
    });
    // Health needs no committee proposal: a signature in the DG ARS's own right, nothing to depart from.
    expect((await lastEventData(api, id, 'project.validated')).signature).toEqual({ signatory: 'dg-ars-44', capacity: 'dg_ars' });
    expect(commandsOf(project)).toEqual(['withdraw']);
    const transitions = (await eventTypes(api, id)).filter((t) => !['project.intention_declared', 'project.content_edited'].includes(t));
    expect(transitions).toEqual([
      'project.drafting_started',
      'project.submitted',
      'project.analysis_started',
      'project.analysis_completed',
      'project.referred_to_cts',
      'project.cts_opinion_recorded',
      'project.returned_to_instruction',
      'project.analysis_completed',
      'project.referred_to_cts',
      'project.cts_opinion_recorded',
      'project.validated',
    ]);
  });

  it('a validator or a DG ARS of another ARS is 403; an unfavourable opinion then a rejection, reopened with a reason', async () => {
    const id = await underAnalysis('Équipe mobile de prévention en Meuse');
    const hdf = await run(api, a.hdfValidator, id, 'complete_analysis', { reason: 'Hors de ma région' });
    expect(hdf.status).toBe(403);
    expect(hdf.body).toMatchObject({ code: 'PROJECT_OUT_OF_TERRITORY', territory: { region: '44' } });
    const eduValidator = await run(api, a.eduValidator, id, 'complete_analysis', { reason: 'Pas mon programme' });
    expect(eduValidator.status).toBe(403);
    await ok(api, a.ctsValidator, id, 'complete_analysis', { reason: 'Instruction close par la délégation territoriale' });
    await ok(api, a.ctsValidator, id, 'refer_to_cts');
    await ok(api, a.ctsValidator, id, 'record_cts_opinion', { reason: 'Doublon avec un dispositif existant', favourable: false });
    const before = await eventTypes(api, id);
    const hdfDecides = await run(api, a.hdfDecider, id, 'reject', { reason: 'Hors de ma région' });
    expect(hdfDecides.status).toBe(403);
    expect(hdfDecides.body).toMatchObject({ code: 'PROJECT_OUT_OF_TERRITORY' });
    // A recteur signs for education only.
    const recteur = await run(api, a.eduDecider, id, 'reject', { reason: 'Pas mon programme' });
    expect(recteur.status).toBe(403);
    expect((await read(api, a.hdfDecider, id)).status).toBe(403);
    expect(await eventTypes(api, id)).toEqual(before);

    await ok(api, a.arsDecider, id, 'reject', { reason: 'Avis défavorable du CTS suivi' });
    expect((await lastEventData(api, id, 'project.rejected')).signature).toEqual({ signatory: 'dg-ars-44', capacity: 'dg_ars' });
    const reopened = await ok(api, a.arsValidator, id, 'reopen', { reason: 'Recours gracieux du porteur' });
    expect(reopened.body.status).toBe('under_analysis');
    await ok(api, a.arsValidator, id, 'complete_analysis', { reason: 'Dispositif existant distingué' });
    await ok(api, a.arsValidator, id, 'refer_to_cts');
    // A new CTS round needs a new opinion.
    expect((await read(api, a.arsValidator, id)).body.ctsOpinion).toBeUndefined();
    const again = await run(api, a.arsDecider, id, 'reject', { reason: 'x' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'PROJECT_GUARD_FAILED', guard: 'cts_opinion_where_required' });
  });
});

/** The ids of the v1 log's projects, by the scenario's name for each. */
const logV1Project = (name: string): string => {
  const id = (logV1Scenario as unknown as { projects: Record<string, string> }).projects[name];
  if (!id) throw new Error(`no project ${name} in the v1 log`);
  return id;
};

describe('a health project started on v1 finishes on v1 (the v1 log)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    ({ api } = await serveLogV1Copy());
  });
  afterAll(async () => {
    await api.close();
  });

  it('the ARS instructeur records the CTS opinion and validates it, with no signature; the DG ARS may not', async () => {
    const id = logV1Project('cts');
    const validator = await api.token({ role: 'validator', sub: 'val-ars-grand-est', scope: { regions: ['44'] } });
    const dgArs = await api.token(deciderClaims('health', '44'));
    expect((await read(api, validator, id)).body).toMatchObject({ status: 'cts_review', workflow: { definition: { version: 1 } } });
    await ok(api, validator, id, 'record_cts_opinion', { reason: 'Avis favorable du CTS', favourable: true });
    expect(commandsOf(await read(api, validator, id))).toEqual(['record_cts_opinion', 'validate', 'reject']);
    expect(commandsOf(await read(api, dgArs, id))).toEqual([]);
    const byDecider = await run(api, dgArs, id, 'validate', { reason: 'Décision', grantedAmountCents: 100_000 });
    expect(byDecider.status).toBe(403);
    expect(byDecider.body).toMatchObject({ code: 'PROJECT_ROLE_NOT_ALLOWED', role: 'decider', allowedRoles: ['validator'] });
    const returned = await run(api, dgArs, id, 'return_to_instruction', { reason: 'Pas en v1' });
    expect(returned.status).toBe(400);
    expect(returned.body).toMatchObject({ code: 'PROJECT_UNKNOWN_COMMAND' });
    const validated = await ok(api, validator, id, 'validate', { reason: 'Décision de l’ARS', grantedAmountCents: 100_000 });
    expect(validated.body.status).toBe('validated');
    const decision = await lastEventData(api, id, 'project.validated');
    expect(decision).toMatchObject({ grantedAmountCents: 100_000, by: expect.objectContaining({ id: 'val-ars-grand-est' }) });
    expect(decision).not.toHaveProperty('signature');
    expect((await read(api, validator, id)).body.workflow.definition).toMatchObject({ id: 'cnr-health', version: 1 });
  });
});
