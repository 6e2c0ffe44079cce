import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { SCHOOL_UAI } from '../support/demo-fixtures.js';
import { type Actors, actors, dossier, edit, ok, run } from '../lifecycle/lifecycle-flow.js';
import { WITHOUT_COMMITTEE } from '../support/validated-project.js';

/** Which habilitation signs: the one covering the act; a delegation lapses with its authority; a member of the holder is linked. */
describe('the signatory’s authority, from the directory', () => {
  let api: ApiHarness;
  let a: Actors;
  let admin: string;
  const decide = (token: string, id: string) =>
    run(api, token, id, 'reject', { reason: 'Hors du champ du FIP', departureReason: WITHOUT_COMMITTEE });
  async function analysed(holder: string, validator: string, body?: Record<string, unknown>): Promise<string> {
    const res = await api.request('POST', '/projects', {
      token: holder,
      body: body ?? {
        program: 'education',
        title: 'Un conseil d’élèves',
        description: 'Concertation',
        territory: { region: '44', departement: '55', academie: '12' },
        holder: { organisationId: SCHOOL_UAI, name: 'École' },
      },
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    const id = res.body.projectId as string;
    await ok(api, holder, id, 'start_drafting');
    await edit(api, holder, id, dossier());
    await ok(api, holder, id, 'submit');
    await ok(api, validator, id, 'start_analysis');
    await ok(api, validator, id, 'complete_analysis', { reason: 'Instruction close' });
    return id;
  }

  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    admin = await api.token({ role: 'admin', sub: 'admin-rectorat' });
  });
  afterAll(() => api.close());

  it('a capacity is a decider’s, from the list; anything else is a 400 naming the field', async () => {
    const before = await api.headPosition();
    const unknown = await api.request('POST', '/people/someone/grants', {
      token: admin,
      body: { role: 'decider', scope: {}, capacity: 'grand_chef' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'capacity' })]);
    const onValidator = await api.request('POST', '/people/someone/grants', {
      token: admin,
      body: { role: 'validator', scope: {}, capacity: 'recteur' },
    });
    expect(onValidator.body).toMatchObject({ status: 400, errors: [{ field: 'capacity', rule: 'decider-only' }] });
    expect(await api.headPosition()).toBe(before);
  });

  it('recteur of Lille and secrétaire général of Nancy-Metz: a Meuse decision is not signed « in own right » as recteur', async () => {
    await api.token({ role: 'decider', sub: 'cadre-double', scope: { academies: ['09'] }, capacity: 'recteur' });
    const both = await api.token({
      role: 'decider',
      sub: 'cadre-double',
      scope: { academies: ['12'] },
      capacity: 'secretaire_general_academie',
    });
    const id = await analysed(a.holder, a.eduValidator);
    const before = await api.headPosition();
    const refused = await decide(both, id);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'SIGNATURE_NOT_COVERED' });
    expect(await api.headPosition()).toBe(before);
  });

  it('a delegation lapses with its authority’s habilitation', async () => {
    const recteur = await api.token({ role: 'decider', sub: 'recteur-sortant', scope: { academies: ['12'] }, capacity: 'recteur' });
    const dasen = await api.token({ role: 'decider', sub: 'dasen-meuse', scope: { departements: ['55'] }, capacity: 'ia_dasen' });
    const granted = await api.request('POST', '/delegations', {
      token: recteur,
      body: {
        authority: { personId: 'recteur-sortant', capacity: 'recteur', territory: { kind: 'academie', code: '12' } },
        delegate: { personId: 'dasen-meuse', capacity: 'ia_dasen' },
        territories: [{ kind: 'departement', code: '55' }],
        actKinds: ['decision.reject'],
        validFrom: '2023-09-01',
        actReference: 'Arrêté n° 2023-77 (test)',
      },
    });
    expect(granted.status).toBe(201);
    const id = await analysed(a.holder, a.eduValidator);
    await api.request('POST', '/people/recteur-sortant/grants/revoke', {
      token: admin,
      body: { grantId: 'decider;academies=12;capacity=recteur', reason: 'Fin de fonctions' },
    });
    const before = await api.headPosition();
    const refused = await decide(dasen, id);
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'SIGNATURE_NOT_COVERED', missing: ['delegation'], authority: 'recteur-sortant' },
    });
    expect(await api.headPosition()).toBe(before);
  });

  it('a decider who acts for the holder organisation is in conflict of interest: 409, nothing written', async () => {
    const id = await analysed(a.holder, a.eduValidator);
    const recteur = await api.token({ role: 'decider', sub: 'holder-bar-le-duc', scope: { academies: ['12'] }, capacity: 'recteur' });
    const before = await api.headPosition();
    const refused = await decide(recteur, id);
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT_OF_INTEREST', links: [{ organisationId: SCHOOL_UAI, party: 'holder' }] },
    });
    expect(await api.headPosition()).toBe(before);
  });
});
