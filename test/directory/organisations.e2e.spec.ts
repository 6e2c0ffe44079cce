import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';

/** École de Bar-le-Duc (Meuse, académie de Nancy-Metz): UAI 0550001C; a second Meuse school 0550002D; the commune's SIRET. */
const SCHOOL = '0550001C';
const OTHER_SCHOOL = '0550002D';
const COMMUNE_SIRET = '21550029900015';
const MEUSE = { region: '44', departement: '55', academie: '12', communeCode: '55029' };

/** A declaration as v1 recorded it, for a school v1 had no directory for. */
const v1Declaration = (school: string, declarant: string) => ({
  projectId: '0b6c5a86-4b9e-4d60-9a57-5b2c7a1f0e11',
  program: 'education',
  workflow: { id: 'cnr-education', version: 1 },
  state: 'intention',
  declarant,
  title: 'Une chorale d’école',
  description: '',
  territory: { region: '44', departement: '55', academie: '12' },
  holder: { organisationId: school, name: 'École de Ligny' },
  partners: [],
  at: '2023-06-01T08:00:00.000Z',
});

describe('organisations: the directory of who acts for whom', () => {
  let api: ApiHarness;
  let previousHead: string;
  const declare = (token: string, body: Record<string, unknown> = {}, key?: string) =>
    api.request('POST', '/projects', {
      token,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
      body: {
        program: 'education',
        title: 'Un jardin partagé',
        territory: MEUSE,
        holder: { organisationId: SCHOOL, name: 'École' },
        ...body,
      },
    });
  const unchanged = async () => expect(await api.headPosition()).toBe(previousHead);
  const remember = async () => (previousHead = await api.headPosition());

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('a declaration for an unknown school registers it, its declarant its first member (today’s clients keep working)', async () => {
    const headTeacher = await api.token({ role: 'holder', sub: 'person-head-2023' });
    const created = await declare(headTeacher, { holder: { organisationId: SCHOOL, name: 'École de Bar-le-Duc', kind: 'ecole' } });
    expect(created.status).toBe(201);
    const school = await api.request('GET', `/organisations/${SCHOOL}`, { token: headTeacher });
    expect(school.status).toBe(200);
    expect(school.body).toMatchObject({ organisationId: SCHOOL, kind: 'ecole', departementCode: '55', members: ['person-head-2023'] });
    expect(school.body.communeCode).toBe('55029');
    expect(school.body.communeName).toBe('Bar-le-Duc');
  });

  it('a new head teacher takes over the school’s projects; the one removed acts no more with a token still valid', async () => {
    const former = await api.token({ role: 'holder', sub: 'person-head-2023' });
    const successor = await api.token({ role: 'holder', sub: 'person-head-2024' });
    const project = await declare(former, { title: 'Une radio scolaire' });
    const id = project.body.projectId as string;
    expect((await api.request('GET', `/projects/${id}`, { token: successor })).status).toBe(403);
    const added = await api.request('POST', `/organisations/${SCHOOL}/members`, { token: former, body: { personId: 'person-head-2024' } });
    expect(added.status).toBe(201);
    expect((await api.request('GET', `/projects/${id}`, { token: successor })).status).toBe(200);
    expect((await api.request('POST', `/projects/${id}/start_drafting`, { token: successor, body: {} })).status).toBe(200);
    const removed = await api.request('DELETE', `/organisations/${SCHOOL}/members/person-head-2023`, { token: successor });
    expect(removed.status).toBe(200);
    // At once: no wait, the same token.
    await remember();
    const edit = await api.request('PATCH', `/projects/${id}`, { token: former, body: { title: 'Une radio détournée' } });
    expect(edit.status).toBe(403);
    expect((await api.request('GET', `/projects/${id}`, { token: former })).status).toBe(403);
    expect((await api.request('GET', '/projects', { token: former })).body.items).toEqual([]);
    expect((await declare(former, { title: 'Encore un projet' })).body.code).toBe('PROJECT_HOLDER_NOT_MEMBER');
    await unchanged();
  });

  it('a co-holder school’s members see the shared project', async () => {
    const head = await api.token({ role: 'holder', sub: 'person-head-2024' });
    const otherHead = await api.token({ role: 'holder', sub: 'person-other-head' });
    const registered = await api.request('POST', '/organisations', {
      token: otherHead,
      body: {
        kind: 'ecole',
        identifier: { scheme: 'uai', value: OTHER_SCHOOL },
        name: 'École Jean Macé',
        communeCode: '55029',
        departementCode: '55',
      },
    });
    expect(registered.status).toBe(201);
    const listed = await api.request('GET', `/organisations?departement=55&minPosition=${registered.body.position}`, { token: head });
    expect(listed.body.items.map((o: { organisationId: string }) => o.organisationId)).toContain(OTHER_SCHOOL);
    const shared = await declare(head, {
      title: 'Un projet commun',
      coHolders: [{ organisationId: OTHER_SCHOOL, name: 'École Jean Macé' }],
    });
    expect(shared.status).toBe(201);
    const seen = await api.request('GET', `/projects/${shared.body.projectId}`, { token: otherHead });
    expect(seen.status).toBe(200);
    expect(seen.body.content.coHolders).toEqual([{ organisationId: OTHER_SCHOOL, name: 'École Jean Macé' }]);
    // Named by the declarant, a co-holder sees the project; only the principal holder's members act on it.
    const withdraw = await api.request('POST', `/projects/${shared.body.projectId}/withdraw`, { token: otherHead, body: {} });
    expect(withdraw).toMatchObject({ status: 403, body: { code: 'PROJECT_NOT_OWNER' } });
  });

  it.each([
    ['a UAI whose check letter is wrong', { identifier: { scheme: 'uai', value: '0550001B' } }, 'identifier.value', 'uai'],
    [
      'a SIRET failing its Luhn key',
      { kind: 'collectivite', identifier: { scheme: 'siret', value: '21550029900016' } },
      'identifier.value',
      'siret',
    ],
    [
      'a FINESS failing its key',
      { kind: 'etablissement_sante', identifier: { scheme: 'finess', value: '550000013' } },
      'identifier.value',
      'finess',
    ],
    [
      'Beauvais (60057) said to be in the Somme (80)',
      { identifier: { scheme: 'uai', value: '0800001S' }, communeCode: '60057', departementCode: '80' },
      'communeCode',
      'commune-in-departement',
    ],
  ])('refuses %s with a 400 naming the field and the rule, writing nothing', async (_what, change, field, rule) => {
    const admin = await api.token({ role: 'admin', sub: 'admin-directory' });
    await remember();
    const base: Record<string, unknown> = {
      kind: 'ecole',
      identifier: { scheme: 'uai', value: SCHOOL },
      name: 'Un organisme',
      communeCode: '55029',
      departementCode: '55',
    };
    const body = {
      ...base,
      ...change,
    };
    const res = await api.request('POST', '/organisations', { token: admin, body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, rule })]);
    await unchanged();
  });

  it('a declaration naming a wrong UAI, or a school of another département, registers nothing and declares nothing', async () => {
    const holder = await api.token({ role: 'holder', sub: 'person-new' });
    await remember();
    const wrongLetter = await declare(holder, { holder: { organisationId: '0550003B', name: 'École' } });
    expect(wrongLetter.status).toBe(400);
    expect(wrongLetter.body.errors[0]).toMatchObject({ field: 'holder.organisationId' });
    const elsewhere = await declare(holder, {
      territory: { region: '32', departement: '59', academie: '09' },
      holder: { organisationId: '0550008K', name: 'École de la Meuse' },
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors[0]).toMatchObject({ field: 'territory.departement', rule: 'identifier-departement' });
    await unchanged();
  });

  it('a declaration refused for any reason (an existing project id, a reused key) registers no organisation', async () => {
    const holder = await api.token({ role: 'holder', sub: 'person-careful' });
    const first = await declare(holder, { holder: { organisationId: '0550008K', name: 'École' } }, 'key-careful-1');
    expect(first.status).toBe(201);
    await remember();
    const sameId = await declare(holder, { projectId: first.body.projectId, holder: { organisationId: '0551234T', name: 'Autre école' } });
    expect(sameId).toMatchObject({ status: 409, body: { code: 'PROJECT_ALREADY_EXISTS' } });
    const reusedKey = await declare(
      holder,
      { title: 'Un autre projet', holder: { organisationId: '0551234T', name: 'Autre école' } },
      'key-careful-1',
    );
    expect(reusedKey).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    await unchanged();
    expect((await api.request('GET', '/organisations/0551234T', { token: holder })).status).toBe(404);
  });

  it('payee: the commune pays for its school; a wrong IBAN is refused naming payee.iban', async () => {
    const head = await api.token({ role: 'holder', sub: 'person-head-2024' });
    const unregistered = await api.request('PUT', `/organisations/${SCHOOL}/payee`, {
      token: head,
      body: { kind: 'paying_organisation', organisationId: COMMUNE_SIRET },
    });
    expect(unregistered.body).toMatchObject({ status: 400, errors: [{ field: 'payee.organisationId', rule: 'registered-organisation' }] });
    const admin = await api.token({ role: 'admin', sub: 'admin-directory' });
    const commune = { kind: 'collectivite', identifier: { scheme: 'siret', value: COMMUNE_SIRET }, name: 'Commune de Bar-le-Duc' };
    const registeredCommune = await api.request('POST', '/organisations', {
      token: admin,
      body: { ...commune, communeCode: '55029', departementCode: '55' },
    });
    expect(registeredCommune.status).toBe(201);
    const paying = await api.request('PUT', `/organisations/${SCHOOL}/payee`, {
      token: head,
      body: { kind: 'paying_organisation', organisationId: COMMUNE_SIRET },
    });
    expect(paying.status).toBe(200);
    await remember();
    const wrong = await api.request('PUT', `/organisations/${SCHOOL}/payee`, {
      token: head,
      body: { kind: 'self', siret: COMMUNE_SIRET, iban: 'FR7630006000011234567890188' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'payee.iban', rule: 'iban' })]);
    await unchanged();
    const stranger = await api.token({ role: 'holder', sub: 'person-stranger' });
    const seen = await api.request('GET', `/organisations/${SCHOOL}`, { token: stranger });
    expect(seen.body.payeeSet).toBe(true);
    expect(seen.body.payee).toBeUndefined();
    expect((await api.request('GET', `/organisations/${SCHOOL}`, { token: head })).body.payee).toEqual({
      kind: 'paying_organisation',
      organisationId: COMMUNE_SIRET,
    });
  });

  it('a body whose projects others declared (before the directory) is not taken over by a newcomer', async () => {
    const admin = await api.token({ role: 'admin', sub: 'admin-directory' });
    // What v1 left: a project declared for a school the directory does not know (appended as v1 wrote it).
    const earlier = await api.token({ role: 'holder', sub: 'person-v1-declarant' });
    const school = '0550026E';
    const store = api.app.get(EVENT_STORE) as EventStore;
    await store.appendToStream(
      'project-0b6c5a86-4b9e-4d60-9a57-5b2c7a1f0e11',
      [{ id: randomUUID(), type: 'project.intention_declared', data: v1Declaration(school, 'person-v1-declarant'), metadata: {} as never }],
      { expectedRevision: 'no_stream' },
    );
    const newcomer = await api.token({ role: 'holder', sub: 'person-newcomer' });
    await remember();
    const takeover = await declare(newcomer, { holder: { organisationId: school, name: 'École' } });
    expect(takeover).toMatchObject({ status: 403, body: { code: 'ORGANISATION_HAS_EARLIER_HOLDERS' } });
    await unchanged();
    const registered = await api.request('POST', '/organisations', {
      token: earlier,
      body: {
        kind: 'ecole',
        identifier: { scheme: 'uai', value: school },
        name: 'École de Ligny',
        communeCode: '55291',
        departementCode: '55',
      },
    });
    expect(registered.status).toBe(201);
    expect((await api.request('GET', `/organisations/${school}`, { token: admin })).body.members).toEqual(['person-v1-declarant']);
  });

  it('a role the directory does not grant is refused; a revoked habilitation ends at once', async () => {
    const ungranted = await api.tokenWithoutGrant({ role: 'validator', sub: 'val-unknown', scope: { academies: ['12'] } });
    const refused = await api.request('GET', '/projects', { token: ungranted });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACCESS_NOT_GRANTED');
    const validator = await api.token({ role: 'validator', sub: 'val-nancy-metz', scope: { academies: ['12'] } });
    const wider = await api.tokenWithoutGrant({ role: 'validator', sub: 'val-nancy-metz', scope: { academies: ['12', '09'] } });
    expect((await api.request('GET', '/projects', { token: wider })).body).toMatchObject({ code: 'ACCESS_SCOPE_NOT_GRANTED' });
    expect((await api.request('GET', '/projects', { token: validator })).status).toBe(200);
    const admin = await api.token({ role: 'admin', sub: 'admin-directory' });
    const grants = await api.request('GET', '/people/val-nancy-metz/grants', { token: admin });
    expect(grants.body.grants).toEqual([{ grantId: 'validator;academies=12', role: 'validator', scope: { academies: ['12'] } }]);
    const revoked = await api.request('POST', '/people/val-nancy-metz/grants/revoke', {
      token: admin,
      body: { grantId: 'validator;academies=12', reason: 'Mutation dans une autre académie' },
    });
    expect(revoked.status).toBe(200);
    expect((await api.request('GET', '/projects', { token: validator })).body.code).toBe('ACCESS_NOT_GRANTED');
  });
});
