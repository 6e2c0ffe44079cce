import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { SCHOOL_UAI } from '../support/demo-fixtures.js';
import { type Actors, actors, declare, dossier, edit, ok, run } from '../lifecycle/lifecycle-flow.js';

const DAY = 86_400_000;
const ARRETE = 'Arrêté n° 2023-45 du 1er septembre 2023 portant délégation de signature à l’IA-DASEN de la Meuse';

/** Meuse (55): the école de Bar-le-Duc's project goes through the commission départementale; the IA-DASEN signs by delegation. */
describe('signed decisions: a committee proposal, a delegation of signature, a conflict of interest', () => {
  let api: ApiHarness;
  let a: Actors;
  let t: Record<'recteur' | 'iaDasen' | 'iaDasenMoselle' | 'linkedDecider' | 'auditor', string>;
  let delegationId: string;
  let sessionId: string;
  const post = (path: string, token: string, body?: unknown) => api.request('POST', path, { token, body: body ?? {} });
  const must = async (path: string, token: string, body?: unknown) => {
    const res = await post(path, token, body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  async function analysedProject(program: 'education' | 'health', title: string): Promise<string> {
    const id = await declare(api, a.holder, program, title);
    await ok(api, a.holder, id, 'start_drafting');
    await edit(api, a.holder, id, dossier());
    await ok(api, a.holder, id, 'submit');
    const validator = program === 'education' ? a.eduValidator : a.arsValidator;
    await ok(api, validator, id, 'start_analysis');
    await ok(api, validator, id, 'complete_analysis', { reason: 'Instruction close : dossier complet, budget cohérent' });
    return id;
  }

  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    t = {
      recteur: await api.token({ role: 'decider', sub: 'recteur-nancy-metz', scope: { academies: ['12'] }, capacity: 'recteur' }),
      iaDasen: await api.token({ role: 'decider', sub: 'ia-dasen-55', scope: { departements: ['55'] }, capacity: 'ia_dasen' }),
      // Acting for Meuse too (an interim), but delegated for Moselle only.
      iaDasenMoselle: await api.token({
        role: 'decider',
        sub: 'ia-dasen-57',
        scope: { departements: ['55', '57'] },
        capacity: 'ia_dasen',
      }),
      linkedDecider: await api.token({ role: 'decider', sub: 'recteur-adjoint', scope: { academies: ['12'] }, capacity: 'recteur' }),
      auditor: await api.token({ role: 'auditor', sub: 'auditor-ccomptes' }),
    };
    const delegation = (personId: string, code: string, reference: string) => ({
      authority: { personId: 'recteur-nancy-metz', capacity: 'recteur', territory: { kind: 'academie', code: '12' } },
      delegate: { personId, capacity: 'ia_dasen' },
      territories: [{ kind: 'departement', code }],
      actKinds: ['decision.validate', 'decision.reject', 'decision.return_to_instruction'],
      validFrom: '2023-09-01',
      actReference: reference,
    });
    delegationId = (await must('/delegations', t.recteur, delegation('ia-dasen-55', '55', ARRETE))).delegationId;
    await must('/delegations', t.recteur, delegation('ia-dasen-57', '57', 'Arrêté n° 2023-46 (Moselle)'));
  });
  afterAll(() => api.close());

  it('the commission proposes; the IA-DASEN signs under the delegation; the decision records signatory, delegation, proposal', async () => {
    const projectId = await analysedProject('education', 'Un jardin pédagogique partagé');
    sessionId = (
      await must('/committee-sessions', a.eduValidator, {
        kind: 'commission_departementale',
        program: 'education',
        territory: '55',
        date: '2023-09-14',
      })
    ).sessionId;
    const members = ['ien-bar-le-duc', 'parents-fcpe-55', 'elu-bar-le-duc'];
    const tokens = await Promise.all(members.map((sub) => api.token({ role: 'validator', sub, scope: { departements: ['55'] } })));
    for (const personId of members) await must(`/committee-sessions/${sessionId}/members`, a.eduValidator, { personId, capacity: 'ien' });
    await must(`/committee-sessions/${sessionId}/agenda`, a.eduValidator, { projectId });
    for (const token of tokens) await must(`/committee-sessions/${sessionId}/items/${projectId}/votes`, token, { vote: 'favourable' });
    const proposal = { outcome: 'favourable', proposedAmountCents: 1_000_000, reason: 'Projet co-construit avec les familles' };
    await must(`/committee-sessions/${sessionId}/items/${projectId}/proposal`, a.eduValidator, proposal);

    const before = await api.headPosition();
    // Delegated for Moselle: the act on a Meuse project is not covered, whatever the scope of their habilitation.
    const notCovered = await run(api, t.iaDasenMoselle, projectId, 'validate', {
      reason: 'Avis favorable',
      grantedAmountCents: 1_000_000,
      sessionId,
    });
    expect(notCovered.status).toBe(403);
    expect(notCovered.body).toMatchObject({ code: 'SIGNATURE_NOT_COVERED', missing: ['territory'] });
    expect(notCovered.body.detail).toContain('Meuse (55)');
    // Departing from the proposal (a lower amount) needs its reason.
    const lower = await run(api, t.iaDasen, projectId, 'validate', { reason: 'Avis favorable', grantedAmountCents: 800_000, sessionId });
    expect(lower.status).toBe(400);
    expect(lower.body.errors).toEqual([
      expect.objectContaining({ field: 'departureReason', rule: 'required-when-departing-from-proposal' }),
    ]);
    expect(await api.headPosition()).toBe(before);

    const signed = await ok(api, t.iaDasen, projectId, 'validate', {
      reason: 'Avis favorable de la commission',
      grantedAmountCents: 1_000_000,
      sessionId,
    });
    expect(signed.body.status).toBe('validated');
    const project = await api.request('GET', `/projects/${projectId}?minPosition=${signed.body.position}`, { token: t.auditor });
    expect(project.body.lastTransition.inputs.signature).toEqual({
      signatory: 'ia-dasen-55',
      capacity: 'ia_dasen',
      delegationId,
      actReference: ARRETE,
      proposal: {
        sessionId,
        sessionKind: 'commission_departementale',
        sessionDate: '2023-09-14',
        outcome: 'favourable',
        proposedAmountCents: 1_000_000,
      },
    });
    const history = await api.request('GET', `/projects/${projectId}/history`, { token: t.auditor });
    const validated = history.body.events.find((e: { type: string }) => e.type === 'project.validated');
    expect(validated.summary).toContain('IA-DASEN');
    expect(validated.summary).toContain(ARRETE);
    expect(validated.summary).toContain('suivant la proposition favorable de la commission départementale du 14/09/2023');

    const listed = await api.request('GET', `/delegations/${delegationId}/decisions?minPosition=${signed.body.position}`, {
      token: t.auditor,
    });
    expect(listed.status).toBe(200);
    expect((await api.request('GET', '/delegations/no-such-delegation/decisions', { token: t.auditor })).status).toBe(404);
    expect(listed.body.decisions).toEqual([
      expect.objectContaining({
        projectId,
        command: 'validate',
        signatory: 'ia-dasen-55',
        capacity: 'ia_dasen',
        sessionId,
        grantedCents: 1_000_000,
      }),
    ]);
  });

  it('a decider linked to the holder cannot sign: 409, nothing written', async () => {
    const projectId = await analysedProject('education', 'Une radio scolaire');
    await must('/interest-declarations/recteur-adjoint/links', t.linkedDecider, { organisationId: SCHOOL_UAI, nature: 'family' });
    const before = await api.headPosition();
    const refused = await run(api, t.linkedDecider, projectId, 'reject', { reason: 'Hors champ', departureReason: 'Sans commission' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST', links: [{ organisationId: SCHOOL_UAI, party: 'holder' }] });
    expect(await api.headPosition()).toBe(before);
    // The recteur, unlinked, signs in their own right (no delegation), saying why there was no commission.
    const own = await ok(api, t.recteur, projectId, 'return_to_instruction', {
      reason: 'Le budget doit être précisé',
      departureReason: 'Dossier renvoyé avant passage en commission',
    });
    expect(own.body.status).toBe('under_analysis');
  });

  it('a delegation revoked with an earlier end date: a later act under it is refused', async () => {
    const projectId = await analysedProject('education', 'Des ateliers philosophie');
    const revoked = await must(`/delegations/${delegationId}/revoke`, t.recteur, { endsOn: '2023-09-30', reason: 'Nouvel IA-DASEN' });
    expect(revoked.events).toEqual(['delegation.revoked']);
    api.clock.advance(45 * DAY);
    const before = await api.headPosition();
    const late = await run(api, t.iaDasen, projectId, 'reject', { reason: 'Hors champ', departureReason: 'Sans commission' });
    expect(late.status).toBe(403);
    expect(late.body).toMatchObject({ code: 'SIGNATURE_NOT_COVERED', missing: ['date'], delegationId });
    expect(await api.headPosition()).toBe(before);
  });

  it('a proposal made before the dossier went back to instruction cannot be cited after: 409, nothing written', async () => {
    const projectId = await analysedProject('education', 'Une correspondance scolaire');
    const session = (
      await must('/committee-sessions', a.eduValidator, {
        kind: 'commission_departementale',
        program: 'education',
        territory: '55',
        date: '2023-10-05',
        quorum: { kind: 'minimum_voting', count: 1 },
      })
    ).sessionId;
    const member = await api.token({ role: 'validator', sub: 'ien-verdun', scope: { departements: ['55'] } });
    await must(`/committee-sessions/${session}/members`, a.eduValidator, { personId: 'ien-verdun', capacity: 'ien' });
    await must(`/committee-sessions/${session}/agenda`, a.eduValidator, { projectId });
    await must(`/committee-sessions/${session}/items/${projectId}/votes`, member, { vote: 'favourable' });
    const proposal = { outcome: 'favourable', proposedAmountCents: 500_000, reason: 'Projet solide' };
    await must(`/committee-sessions/${session}/items/${projectId}/proposal`, a.eduValidator, proposal);
    await ok(api, t.recteur, projectId, 'return_to_instruction', {
      reason: 'Budget à revoir',
      sessionId: session,
      departureReason: 'Budget',
    });
    await ok(api, a.eduValidator, projectId, 'complete_analysis', { reason: 'Budget revu, en hausse' });
    const before = await api.headPosition();
    const stale = await run(api, t.recteur, projectId, 'validate', { reason: 'Conforme', grantedAmountCents: 500_000, sessionId: session });
    expect(stale).toMatchObject({ status: 409, body: { code: 'COMMITTEE_PROPOSAL_STALE', sessionId: session } });
    expect(await api.headPosition()).toBe(before);
  });
});
