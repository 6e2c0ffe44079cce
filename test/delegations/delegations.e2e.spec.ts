import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { delegationOf, signingAuthority, streamIdOfDelegation } from '#delegations';
import { DomainError } from '#kernel';
import { type ApiHarness, startApi } from '../support/api-harness.js';

const ARRETE = 'Arrêté n° 2023-45 du 1er septembre 2023 portant délégation de signature';
/** The recteur of Nancy-Metz delegates the decisions on Meuse (55) projects to its IA-DASEN from 1 September 2023. */
const grantBody = (over: Record<string, unknown> = {}) => ({
  authority: { personId: 'recteur-nancy-metz', capacity: 'recteur', territory: { kind: 'academie', code: '12' } },
  delegate: { personId: 'ia-dasen-55', capacity: 'ia_dasen' },
  territories: [{ kind: 'departement', code: '55' }],
  actKinds: ['decision.validate', 'decision.reject', 'decision.return_to_instruction'],
  validFrom: '2023-09-01',
  validUntil: '2024-08-31',
  actReference: ARRETE,
  ...over,
});

describe('delegations of signature through HTTP: grant, list, revoke earlier, refusals that write nothing', () => {
  let api: ApiHarness;
  let t: Record<'recteur' | 'iaDasen' | 'otherRecteur' | 'auditor' | 'admin' | 'holder' | 'validator', string>;
  let delegationId: string;
  let grantPosition: string;
  beforeAll(async () => {
    api = await startApi();
    t = {
      recteur: await api.token({ role: 'decider', sub: 'recteur-nancy-metz', scope: { academies: ['12'] }, capacity: 'recteur' }),
      iaDasen: await api.token({ role: 'decider', sub: 'ia-dasen-55', scope: { departements: ['55'] }, capacity: 'ia_dasen' }),
      otherRecteur: await api.token({ role: 'decider', sub: 'recteur-strasbourg', scope: { academies: ['15'] }, capacity: 'recteur' }),
      auditor: await api.token({ role: 'auditor', sub: 'auditor-1' }),
      admin: await api.token({ role: 'admin', sub: 'admin-1' }),
      holder: await api.token({ role: 'holder', sub: 'head-teacher-1' }),
      validator: await api.token({ role: 'validator', sub: 'val-nancy-metz', scope: { academies: ['12'] } }),
    };
  });
  afterAll(async () => {
    await api.close();
  });
  const post = (path: string, token: string, body: unknown, key?: string) =>
    api.request('POST', path, { token, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });

  it('bad input is a 400 naming the field and the rule; a stranger is a 403; neither writes anything', async () => {
    const before = await api.headPosition();
    const unknownKind = await post('/delegations', t.recteur, grantBody({ actKinds: ['decision.validate', 'decision.sign_all'] }));
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors).toEqual([expect.objectContaining({ field: 'actKinds', rule: 'isIn' })]);
    const reversed = await post('/delegations', t.recteur, grantBody({ validFrom: '2024-09-01', validUntil: '2024-08-31' }));
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({
      code: 'DELEGATION_INVALID_FIELD',
      errors: [{ field: 'validUntil', rule: 'not-before-validFrom' }],
    });
    const outside = await post('/delegations', t.recteur, grantBody({ territories: [{ kind: 'departement', code: '67' }] }));
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({ errors: [{ field: 'territories.0.code', rule: 'within-authority-territory' }] });
    expect(outside.body.detail).toContain('Bas-Rhin (67)');

    for (const token of [t.iaDasen, t.otherRecteur]) {
      const forbidden = await post('/delegations', token, grantBody());
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toMatchObject({ code: 'DELEGATION_FORBIDDEN', authority: 'recteur-nancy-metz' });
    }
    expect((await post('/delegations', t.validator, grantBody())).status).toBe(403);
    expect(await api.headPosition()).toBe(before);
  });

  it('the recteur grants: 201 with Location; a retry with the same Idempotency-Key answers the first outcome, writes nothing', async () => {
    const key = randomUUID();
    const granted = await post('/delegations', t.recteur, grantBody(), key);
    expect(granted.status).toBe(201);
    delegationId = granted.body.delegationId;
    expect(granted.headers.get('location')).toBe(`/delegations/${delegationId}`);
    expect(granted.body).toMatchObject({ events: ['delegation.granted'], lastDay: '2024-08-31' });
    grantPosition = granted.headers.get('x-position')!;
    const head = await api.headPosition();
    const again = await post('/delegations', t.recteur, grantBody(), key);
    expect(again.body).toMatchObject({ delegationId, replayed: true });
    expect(await api.headPosition()).toBe(head);
  });

  it('the delegation is listed by delegate and day in force, for deciders and auditors; others see only their own', async () => {
    const query = `delegate=ia-dasen-55&activeOn=2023-10-12&minPosition=${grantPosition}`;
    for (const token of [t.recteur, t.iaDasen, t.auditor, t.admin]) {
      const listed = await api.request('GET', `/delegations?${query}`, { token });
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ delegationId, actReference: ARRETE, validFrom: '2023-09-01', lastDay: '2024-08-31', revocation: null }),
      ]);
    }
    expect((await api.request('GET', `/delegations?${query}`, { token: t.holder })).body).toEqual({ items: [], total: 0 });
    expect((await api.request('GET', `/delegations?activeOn=2023-08-31`, { token: t.auditor })).body.total).toBe(0);
    const badDay = await api.request('GET', `/delegations?activeOn=2023-31-08`, { token: t.auditor });
    expect(badDay).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'activeOn', rule: 'isIso8601' })] } });
    expect((await api.request('GET', `/delegations/${delegationId}`, { token: t.holder })).status).toBe(403);
    expect((await api.request('GET', `/delegations/${randomUUID()}`, { token: t.auditor })).body.code).toBe('DELEGATION_NOT_FOUND');
  });

  it('revoked with an earlier end: reading shows the end; an act after it is refused under the folded delegation', async () => {
    const before = await api.headPosition();
    const byDelegate = await post(`/delegations/${delegationId}/revoke`, t.iaDasen, { endsOn: '2024-01-31', reason: 'Mutation' });
    expect(byDelegate.status).toBe(403);
    const later = await post(`/delegations/${delegationId}/revoke`, t.recteur, { endsOn: '2024-09-30', reason: 'Mutation' });
    expect(later).toMatchObject({ status: 409, body: { code: 'DELEGATION_REVOCATION_NOT_EARLIER', lastDay: '2024-08-31' } });
    expect(await api.headPosition()).toBe(before);

    const revoked = await post(`/delegations/${delegationId}/revoke`, t.recteur, {
      endsOn: '2024-01-31',
      reason: 'Fin de fonctions de l’IA-DASEN de la Meuse',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ events: ['delegation.revoked'], lastDay: '2024-01-31' });
    const read = await api.request('GET', `/delegations/${delegationId}`, { token: t.iaDasen });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toMatchObject({
      validUntil: '2024-08-31',
      lastDay: '2024-01-31',
      revocation: { endsOn: '2024-01-31', by: { id: 'recteur-nancy-metz', role: 'decider' } },
    });
    const activeAfter = await api.request('GET', `/delegations?activeOn=2024-02-01&minPosition=${revoked.body.position}`, {
      token: t.auditor,
    });
    expect(activeAfter.body.total).toBe(0);

    const delegation = delegationOf(await (api.app.get(EVENT_STORE) as EventStore).readStream(streamIdOfDelegation(delegationId)))!;
    const signer = { personId: 'ia-dasen-55', capacity: 'ia_dasen' as const, scope: { departements: ['55'] } };
    const act = (on: string) => ({ kind: 'decision.validate' as const, program: 'education' as const, departement: '55', on });
    expect(signingAuthority(signer, act('2024-01-31'), [delegation])).toMatchObject({ delegationId, actReference: ARRETE });
    let refusal: unknown;
    try {
      signingAuthority(signer, act('2024-02-01'), [delegation]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ category: 'forbidden', code: 'SIGNATURE_NOT_COVERED', details: { missing: ['date'], delegationId } });
    expect((refusal as Error).message).toContain('n’était plus valide le 01/02/2024 (révoquée, fin le 31/01/2024)');
  });
});
