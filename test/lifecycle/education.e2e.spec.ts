import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { logV1Scenario, serveLogV1Copy } from '../support/log-v1/serve-copy.js';
import { deciderClaims } from '../support/validated-project.js';
import {
  type Actors,
  SHA,
  actors,
  commandsOf,
  declare,
  dossier,
  edit,
  educationAnalysed,
  educationUnderAnalysis,
  eventTypes,
  lastEventData,
  ok,
  read,
  run,
  signed,
  WITHOUT_COMMITTEE,
} from './lifecycle-flow.js';

describe('education (FIP) through HTTP with real tokens', () => {
  let api: ApiHarness;
  let a: Actors;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('intention → … → completion_requested → resubmitted → analysed → returned to instruction → validated by the recteur', async () => {
    const id = await declare(api, a.holder, 'education');
    let project = await read(api, a.holder, id);
    // New projects start on the latest definition: v2.
    expect(project.body).toMatchObject({ status: 'intention', workflow: { definition: { id: 'cnr-education', version: 2 } } });
    expect(commandsOf(project)).toEqual(['start_drafting', 'withdraw']);

    await ok(api, a.holder, id, 'start_drafting');
    const edited = await edit(api, a.holder, id, dossier());
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'drafting', events: ['project.content_edited'] });
    project = await read(api, a.holder, id);
    expect(project.body.content).toMatchObject({
      requestedAmountCents: 1_250_000,
      budgetLines: [{ amountCents: 800_000 }, { amountCents: 700_000 }],
      attachments: [{ name: 'devis-association.pdf', sha256: SHA('devis association') }],
    });
    expect(commandsOf(project)).toEqual(['edit_content', 'submit', 'withdraw']);

    expect((await ok(api, a.holder, id, 'submit')).body.status).toBe('submitted');
    project = await read(api, a.eduValidator, id);
    expect(commandsOf(project)).toEqual(['start_analysis']);
    await ok(api, a.eduValidator, id, 'start_analysis');

    const sentBack = await ok(api, a.eduValidator, id, 'request_completion', { reason: 'Joindre le devis signé de la commune' });
    expect(sentBack.body).toMatchObject({
      status: 'completion_requested',
      events: ['project.completion_requested', 'project.deadline_opened'],
    });
    project = await read(api, a.holder, id);
    expect(project.body.workflow.deadlines).toMatchObject([{ name: 'completion', dueAt: '2023-10-03T22:00:00.000Z' }]);
    expect(project.body.lastTransition).toMatchObject({
      command: 'request_completion',
      reason: 'Joindre le devis signé de la commune',
      by: { id: 'val-nancy-metz' },
    });
    expect(commandsOf(project)).toEqual(['edit_content', 'resubmit', 'withdraw']);

    api.clock.advance(3 * 86_400_000);
    const completed = await edit(api, a.holder, id, {
      attachments: [...dossier().attachments, { name: 'devis-signe.pdf', sizeBytes: 51_000, sha256: SHA('devis signé') }],
    });
    expect(completed.status).toBe(200);
    const resubmitted = await ok(api, a.holder, id, 'resubmit');
    expect(resubmitted.body).toMatchObject({ status: 'submitted', events: ['project.resubmitted', 'project.deadline_cancelled'] });
    await ok(api, a.eduValidator, id, 'start_analysis');

    // v2: the instructeur closes the analysis with an opinion; the decision is no longer theirs.
    project = await read(api, a.eduValidator, id);
    expect(commandsOf(project)).toEqual(['request_completion', 'complete_analysis']);
    const closed = await ok(api, a.eduValidator, id, 'complete_analysis', { reason: 'Instruction close : projet éligible au FIP' });
    expect(closed.body).toMatchObject({ status: 'analysed', events: ['project.analysis_completed'] });
    project = await read(api, a.eduValidator, id);
    expect(project.body).toMatchObject({
      status: 'analysed',
      lastTransition: { command: 'complete_analysis', reason: 'Instruction close : projet éligible au FIP', by: { id: 'val-nancy-metz' } },
    });
    expect(commandsOf(project)).toEqual([]);
    project = await read(api, a.eduDecider, id);
    expect(commandsOf(project)).toEqual(['validate', 'reject', 'return_to_instruction']);

    // The recteur sends the dossier back to instruction: a signed decision, back to under_analysis.
    const returned = await ok(api, a.eduDecider, id, 'return_to_instruction', signed('Préciser le rôle des familles dans le projet'));
    expect(returned.body).toMatchObject({ status: 'under_analysis', events: ['project.returned_to_instruction'] });
    expect((await lastEventData(api, id, 'project.returned_to_instruction')).signature).toEqual({
      signatory: 'recteur-12',
      capacity: 'recteur',
      departureReason: WITHOUT_COMMITTEE,
    });
    await ok(api, a.eduValidator, id, 'complete_analysis', { reason: 'Rôle des familles précisé : avis favorable' });

    const validated = await ok(api, a.eduDecider, id, 'validate', {
      ...signed('Projet conforme aux critères du FIP'),
      grantedAmountCents: 1_000_000,
    });
    expect(validated.body.status).toBe('validated');
    project = await read(api, a.eduValidator, id);
    expect(project.body).toMatchObject({
      status: 'validated',
      grantedAmountCents: 1_000_000,
      lastTransition: {
        command: 'validate',
        reason: 'Projet conforme aux critères du FIP',
        inputs: { grantedAmountCents: 1_000_000 },
        by: { id: 'recteur-12', role: 'decider' },
      },
    });
    expect(await lastEventData(api, id, 'project.validated')).toMatchObject({
      grantedAmountCents: 1_000_000,
      signature: { signatory: 'recteur-12', capacity: 'recteur', departureReason: WITHOUT_COMMITTEE },
    });
    expect(project.body.workflow.deadlines).toEqual([]);
    expect(project.headers.get('etag')).toBe(`"${project.body.revision}"`);
    // Neither the instructeur nor the decider has anything left to do: financing is the funding process's (finance / system).
    expect(commandsOf(project)).toEqual([]);
    expect(commandsOf(await read(api, a.eduDecider, id))).toEqual([]);
    expect(await eventTypes(api, id)).toEqual([
      'project.intention_declared',
      'project.drafting_started',
      'project.content_edited',
      'project.submitted',
      'project.analysis_started',
      'project.completion_requested',
      'project.deadline_opened',
      'project.content_edited',
      'project.resubmitted',
      'project.deadline_cancelled',
      'project.analysis_started',
      'project.analysis_completed',
      'project.returned_to_instruction',
      'project.analysis_completed',
      'project.validated',
    ]);
  });

  it('a rejection signed by the recteur, reopened by the instructeur: the analysis is closed again before a new decision', async () => {
    const id = await educationAnalysed(api, a, 'Un séjour linguistique sans partenaire');
    const rejected = await ok(api, a.eduDecider, id, 'reject', signed('Le projet relève du fonctionnement courant'));
    expect(rejected.body.status).toBe('rejected');
    expect((await lastEventData(api, id, 'project.rejected')).signature).toMatchObject({ signatory: 'recteur-12', capacity: 'recteur' });
    expect(commandsOf(await read(api, a.eduDecider, id))).toEqual([]);
    const reopened = await ok(api, a.eduValidator, id, 'reopen', { reason: 'Recours gracieux : un partenaire est trouvé' });
    expect(reopened.body.status).toBe('under_analysis');
    const early = await run(api, a.eduDecider, id, 'validate', signed('Partenaire trouvé', { grantedAmountCents: 500_000 }));
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'PROJECT_ILLEGAL_TRANSITION', state: 'under_analysis', command: 'validate' });
    await ok(api, a.eduValidator, id, 'complete_analysis', { reason: 'Partenariat vérifié' });
    await ok(api, a.eduDecider, id, 'validate', signed('Partenaire trouvé', { grantedAmountCents: 500_000 }));
    expect((await read(api, a.holder, id)).body).toMatchObject({ status: 'validated', grantedAmountCents: 500_000 });
  });

  it('an illegal transition is a 409 with the current state and the actions the caller may take', async () => {
    const id = await declare(api, a.holder, 'education');
    await ok(api, a.holder, id, 'start_drafting');
    await edit(api, a.holder, id, dossier());
    await ok(api, a.holder, id, 'submit');
    const early = await run(api, a.eduValidator, id, 'complete_analysis', { reason: 'trop tôt' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'PROJECT_ILLEGAL_TRANSITION',
      state: 'submitted',
      command: 'complete_analysis',
      allowedActions: ['start_analysis'],
    });
    const decision = await run(api, a.eduDecider, id, 'validate', signed('trop tôt', { grantedAmountCents: 1 }));
    expect(decision.status).toBe(409);
    expect(decision.body).toMatchObject({
      code: 'PROJECT_ILLEGAL_TRANSITION',
      state: 'submitted',
      command: 'validate',
      allowedActions: [],
    });
    const resubmit = await run(api, a.holder, id, 'resubmit');
    expect(resubmit.status).toBe(409);
    expect(resubmit.body).toMatchObject({ state: 'submitted', allowedActions: ['withdraw'] });
  });

  it('a missing reason or field is a 400 naming it; nothing is written', async () => {
    const id = await educationUnderAnalysis(api, a);
    const noReason = await run(api, a.eduValidator, id, 'request_completion');
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ code: 'PROJECT_REASON_REQUIRED', errors: [expect.objectContaining({ field: 'reason' })] });
    const unmotivated = await run(api, a.eduValidator, id, 'complete_analysis', { reason: '   ' });
    expect(unmotivated.status).toBe(400);
    expect(unmotivated.body).toMatchObject({ code: 'PROJECT_REASON_REQUIRED', errors: [expect.objectContaining({ field: 'reason' })] });
    await ok(api, a.eduValidator, id, 'complete_analysis', { reason: 'Instruction close' });
    const before = await eventTypes(api, id);

    const blank = await run(api, a.eduDecider, id, 'reject', signed('   '));
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ code: 'PROJECT_REASON_REQUIRED', errors: [expect.objectContaining({ field: 'reason' })] });
    const noAmount = await run(api, a.eduDecider, id, 'validate', signed('Conforme'));
    expect(noAmount.status).toBe(400);
    expect(noAmount.body).toMatchObject({
      code: 'PROJECT_INPUT_REQUIRED',
      errors: [expect.objectContaining({ field: 'grantedAmountCents' })],
    });
    const tooMuch = await run(api, a.eduDecider, id, 'validate', signed('Conforme', { grantedAmountCents: 1_250_001 }));
    expect(tooMuch.body).toMatchObject({
      code: 'PROJECT_INVALID_FIELD',
      errors: [expect.objectContaining({ field: 'grantedAmountCents' })],
    });
    const float = await run(api, a.eduDecider, id, 'validate', signed('Conforme', { grantedAmountCents: 12.5 }));
    expect(float.status).toBe(400);
    expect(float.body.errors.map((e: { field: string }) => e.field)).toEqual(['grantedAmountCents']);
    // Without a committee proposal to follow, the recteur motivates the decision taken without it.
    const unsigned = await run(api, a.eduDecider, id, 'validate', { reason: 'Conforme', grantedAmountCents: 1_000_000 });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'departureReason', rule: 'required-without-proposal' })],
    });

    const drafting = await declare(api, a.holder, 'education');
    await ok(api, a.holder, drafting, 'start_drafting');
    const incomplete = await run(api, a.holder, drafting, 'submit');
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatchObject({
      code: 'PROJECT_FIELD_REQUIRED',
      errors: [expect.objectContaining({ field: 'requestedAmountCents' })],
    });
    expect(await eventTypes(api, id)).toEqual(before);
    expect((await read(api, a.eduDecider, id)).body.status).toBe('analysed');
  });

  it('a wrong role, another holder, a validator or a recteur of another académie are 403', async () => {
    const id = await educationUnderAnalysis(api, a);
    const holderDecides = await run(api, a.holder, id, 'validate', { reason: 'moi-même', grantedAmountCents: 1 });
    expect(holderDecides.status).toBe(403);
    expect(holderDecides.body).toMatchObject({ code: 'PROJECT_ROLE_NOT_ALLOWED', role: 'holder', allowedRoles: ['decider'] });
    const finance = await run(api, a.finance, id, 'request_completion', { reason: 'x' });
    expect(finance.status).toBe(403);
    const lille = await run(api, a.lilleValidator, id, 'request_completion', { reason: 'Hors de mon académie' });
    expect(lille.status).toBe(403);
    expect(lille.body).toMatchObject({ code: 'PROJECT_OUT_OF_TERRITORY', territory: { academie: '12' } });
    expect((await read(api, a.lilleValidator, id)).status).toBe(403);
    const stranger = await run(api, a.otherHolder, id, 'withdraw', { reason: 'pas le mien' });
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('PROJECT_NOT_OWNER');
    expect((await edit(api, a.eduValidator, id, { title: 'Titre du validateur' })).status).toBe(403);
    const deciderAnalyses = await run(api, a.eduDecider, id, 'complete_analysis', { reason: 'Je clos moi-même' });
    expect(deciderAnalyses.status).toBe(403);
    expect(deciderAnalyses.body).toMatchObject({ code: 'PROJECT_ROLE_NOT_ALLOWED', role: 'decider', allowedRoles: ['validator'] });

    await ok(api, a.eduValidator, id, 'complete_analysis', { reason: 'Instruction close' });
    const before = await eventTypes(api, id);
    // v2: the instructeur no longer decides.
    const validatorDecides = await run(api, a.eduValidator, id, 'validate', signed('Conforme', { grantedAmountCents: 1_000_000 }));
    expect(validatorDecides.status).toBe(403);
    expect(validatorDecides.body).toMatchObject({ code: 'PROJECT_ROLE_NOT_ALLOWED', role: 'validator', allowedRoles: ['decider'] });
    // The recteur of Lille neither decides for Nancy-Metz (out of the program's territory for deciders) nor reads its dossiers.
    const lilleDecides = await run(api, a.lilleDecider, id, 'validate', signed('Conforme', { grantedAmountCents: 1_000_000 }));
    expect(lilleDecides.status).toBe(403);
    expect(lilleDecides.body).toMatchObject({ code: 'PROJECT_OUT_OF_TERRITORY' });
    const lilleReturns = await run(api, a.lilleDecider, id, 'return_to_instruction', signed('Hors de mon académie'));
    expect(lilleReturns.status).toBe(403);
    expect(lilleReturns.body).toMatchObject({ code: 'PROJECT_OUT_OF_TERRITORY' });
    expect((await read(api, a.lilleDecider, id)).status).toBe(403);
    expect(await eventTypes(api, id)).toEqual(before);
    expect((await read(api, a.eduValidator, id)).body.status).toBe('analysed');
  });

  it('writes honour If-Match: the current ETag passes, a stale one is 412 and writes nothing', async () => {
    const id = await declare(api, a.holder, 'education');
    await ok(api, a.holder, id, 'start_drafting');
    const seen = await read(api, a.holder, id);
    const etag = seen.headers.get('etag')!;
    expect(etag).toBe('"1"');
    const first = await edit(api, a.holder, id, { title: 'Un jardin pédagogique et nourricier' }, { 'if-match': etag });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await edit(api, a.holder, id, { title: 'Écrase la modification précédente' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'STALE_REVISION', expected: '1', actual: '2' });
    const staleTransition = await run(api, a.holder, id, 'withdraw', {}, { 'if-match': etag });
    expect(staleTransition.status).toBe(412);
    const fresh = await run(api, a.holder, id, 'withdraw', { reason: 'Projet reporté' }, { 'if-match': '"2"' });
    expect(fresh.status).toBe(200);
    expect((await read(api, a.holder, id)).body).toMatchObject({
      status: 'withdrawn',
      content: { title: 'Un jardin pédagogique et nourricier' },
    });
  });

  it('the transitions are documented in OpenAPI', async () => {
    const doc = (await api.request('GET', '/api/docs-json')).body;
    const op = doc.paths['/projects/{id}/{command}'].post;
    expect(op.parameters.find((p: { name: string }) => p.name === 'command').schema.enum).toEqual(
      expect.arrayContaining([
        'submit',
        'request_completion',
        'complete_analysis',
        'validate',
        'return_to_instruction',
        'record_cts_opinion',
      ]),
    );
    expect(op.parameters.find((p: { name: string }) => p.name === 'If-Match')).toBeDefined();
    expect(doc.paths['/projects'].post).toBeDefined();
    expect(doc.paths['/programs/{id}/workflow'].get).toBeDefined();
  });
});

/** The ids of the v1 log's projects, by the scenario's name for each. */
const logV1Project = (name: string): string => {
  const id = (logV1Scenario as unknown as { projects: Record<string, string> }).projects[name];
  if (!id) throw new Error(`no project ${name} in the v1 log`);
  return id;
};

describe('a project started on v1 finishes on v1 (the v1 log)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    ({ api } = await serveLogV1Copy());
  });
  afterAll(async () => {
    await api.close();
  });

  it('the instructeur reopens and validates it, with no analysis closing and no signature; a decider may not', async () => {
    const id = logV1Project('rejected');
    const validator = await api.token({ role: 'validator', sub: 'val-lille', scope: { academies: ['09'] } });
    const recteur = await api.token(deciderClaims('education', '09'));
    expect((await read(api, validator, id)).body).toMatchObject({ status: 'rejected', workflow: { definition: { version: 1 } } });
    expect(commandsOf(await read(api, recteur, id))).toEqual([]);
    await ok(api, validator, id, 'reopen', { reason: 'Recours gracieux du lycée' });
    expect(commandsOf(await read(api, validator, id))).toEqual(['request_completion', 'validate', 'reject']);
    const closing = await run(api, validator, id, 'complete_analysis', { reason: 'Instruction close' });
    expect(closing.status).toBe(400);
    expect(closing.body).toMatchObject({ code: 'PROJECT_UNKNOWN_COMMAND' });
    const byDecider = await run(api, recteur, id, 'validate', signed('Conforme', { grantedAmountCents: 100_000 }));
    expect(byDecider.status).toBe(403);
    expect(byDecider.body).toMatchObject({ code: 'PROJECT_ROLE_NOT_ALLOWED', role: 'decider', allowedRoles: ['validator'] });
    const validated = await ok(api, validator, id, 'validate', { reason: 'Partenaire trouvé', grantedAmountCents: 100_000 });
    expect(validated.body.status).toBe('validated');
    // The funding process then finances it, as any validated project.
    expect((await read(api, validator, id)).body).toMatchObject({
      grantedAmountCents: 100_000,
      workflow: { definition: { id: 'cnr-education', version: 1 } },
    });
    const decision = await lastEventData(api, id, 'project.validated');
    expect(decision).toMatchObject({ grantedAmountCents: 100_000, by: expect.objectContaining({ id: 'val-lille' }) });
    expect(decision).not.toHaveProperty('signature');
  });
});
