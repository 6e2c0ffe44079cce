import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import {
  type Actors,
  SHA,
  actors,
  commandsOf,
  declare,
  dossier,
  edit,
  educationUnderAnalysis,
  eventTypes,
  ok,
  read,
  run,
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

  it('intention → drafting → submitted → under_analysis → completion_requested → resubmitted → validated', async () => {
    const id = await declare(api, a.holder, 'education');
    let project = await read(api, a.holder, id);
    expect(project.body).toMatchObject({ status: 'intention', workflow: { definition: { id: 'cnr-education', version: 1 } } });
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

    const validated = await ok(api, a.eduValidator, id, 'validate', {
      reason: 'Projet conforme aux critères du FIP',
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
        by: { id: 'val-nancy-metz', role: 'validator' },
      },
    });
    expect(project.body.workflow.deadlines).toEqual([]);
    expect(project.headers.get('etag')).toBe(`"${project.body.revision}"`);
    // The validator has nothing left to do: financing is the funding process's (finance / system).
    expect(commandsOf(project)).toEqual([]);
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
      'project.validated',
    ]);
  });

  it('an illegal transition is a 409 with the current state and the actions the caller may take', async () => {
    const id = await declare(api, a.holder, 'education');
    await ok(api, a.holder, id, 'start_drafting');
    await edit(api, a.holder, id, dossier());
    await ok(api, a.holder, id, 'submit');
    const res = await run(api, a.eduValidator, id, 'validate', { reason: 'trop tôt', grantedAmountCents: 1 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'PROJECT_ILLEGAL_TRANSITION',
      state: 'submitted',
      command: 'validate',
      allowedActions: ['start_analysis'],
    });
    const resubmit = await run(api, a.holder, id, 'resubmit');
    expect(resubmit.status).toBe(409);
    expect(resubmit.body).toMatchObject({ state: 'submitted', allowedActions: ['withdraw'] });
  });

  it('a missing reason or field is a 400 naming it; nothing is written', async () => {
    const id = await educationUnderAnalysis(api, a);
    const before = await eventTypes(api, id);
    const noReason = await run(api, a.eduValidator, id, 'request_completion');
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ code: 'PROJECT_REASON_REQUIRED', errors: [expect.objectContaining({ field: 'reason' })] });
    const blank = await run(api, a.eduValidator, id, 'reject', { reason: '   ' });
    expect(blank.body).toMatchObject({ code: 'PROJECT_REASON_REQUIRED', errors: [expect.objectContaining({ field: 'reason' })] });
    const noAmount = await run(api, a.eduValidator, id, 'validate', { reason: 'Conforme' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body).toMatchObject({
      code: 'PROJECT_INPUT_REQUIRED',
      errors: [expect.objectContaining({ field: 'grantedAmountCents' })],
    });
    const tooMuch = await run(api, a.eduValidator, id, 'validate', { reason: 'Conforme', grantedAmountCents: 1_250_001 });
    expect(tooMuch.body).toMatchObject({
      code: 'PROJECT_INVALID_FIELD',
      errors: [expect.objectContaining({ field: 'grantedAmountCents' })],
    });
    const float = await run(api, a.eduValidator, id, 'validate', { reason: 'Conforme', grantedAmountCents: 12.5 });
    expect(float.status).toBe(400);
    expect(float.body.errors.map((e: { field: string }) => e.field)).toEqual(['grantedAmountCents']);

    const drafting = await declare(api, a.holder, 'education');
    await ok(api, a.holder, drafting, 'start_drafting');
    const incomplete = await run(api, a.holder, drafting, 'submit');
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatchObject({
      code: 'PROJECT_FIELD_REQUIRED',
      errors: [expect.objectContaining({ field: 'requestedAmountCents' })],
    });
    expect(await eventTypes(api, id)).toEqual(before);
  });

  it('a wrong role, another holder and a validator of another académie are 403', async () => {
    const id = await educationUnderAnalysis(api, a);
    const holderDecides = await run(api, a.holder, id, 'validate', { reason: 'moi-même', grantedAmountCents: 1 });
    expect(holderDecides.status).toBe(403);
    expect(holderDecides.body).toMatchObject({ code: 'PROJECT_ROLE_NOT_ALLOWED', role: 'holder', allowedRoles: ['validator'] });
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
    expect((await read(api, a.eduValidator, id)).body.status).toBe('under_analysis');
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
      expect.arrayContaining(['submit', 'request_completion', 'validate', 'record_cts_opinion']),
    );
    expect(op.parameters.find((p: { name: string }) => p.name === 'If-Match')).toBeDefined();
    expect(doc.paths['/projects'].post).toBeDefined();
    expect(doc.paths['/programs/{id}/workflow'].get).toBeDefined();
  });
});
