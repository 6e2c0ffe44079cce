import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';

describe('people: names and contact details live in the directory, out of the log, and can be erased', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('a head teacher records her details; others see her name only; an erasure leaves the log as it was', async () => {
    const head = await api.token({ role: 'holder', sub: 'person-0550001c-dir' });
    const colleague = await api.token({ role: 'holder', sub: 'person-other' });
    const admin = await api.token({ role: 'admin', sub: 'admin-dpo' });
    const declared = await api.request('POST', '/projects', {
      token: head,
      body: {
        program: 'education',
        title: 'Un jardin partagé',
        territory: { region: '44', departement: '55', academie: '12' },
        holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc' },
      },
    });
    expect(declared.status).toBe(201);
    const before = await api.headPosition();

    const details = { displayName: 'Claire Martin', email: 'claire.martin@ac-nancy-metz.fr', phone: '+33 3 29 00 00 00' };
    expect((await api.request('PUT', '/people/person-0550001c-dir', { token: head, body: details })).status).toBe(200);
    expect((await api.request('GET', '/people/person-0550001c-dir', { token: head })).body).toMatchObject(details);
    expect((await api.request('GET', '/people/person-0550001c-dir', { token: colleague })).body).toEqual({
      personId: 'person-0550001c-dir',
      displayName: 'Claire Martin',
    });
    const meddling = await api.request('PUT', '/people/person-0550001c-dir', { token: colleague, body: { displayName: 'Autre nom' } });
    expect(meddling).toMatchObject({ status: 403, body: { code: 'PERSON_FORBIDDEN' } });
    const badEmail = await api.request('PUT', '/people/person-0550001c-dir', {
      token: head,
      body: { displayName: 'C. M.', email: 'pas-un-mel' },
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);

    const erased = await api.request('DELETE', '/people/person-0550001c-dir', { token: admin });
    expect(erased.status).toBe(200);
    expect((await api.request('GET', '/people/person-0550001c-dir', { token: admin })).status).toBe(404);
    // Nothing of it was ever in the log, which the directory's writes do not touch.
    expect(await api.headPosition()).toBe(before);
    const log = JSON.stringify((await (api.app.get(EVENT_STORE) as EventStore).readAll()).map((e) => [e.data, e.metadata]));
    expect(log).toContain('person-0550001c-dir');
    expect(log).not.toContain('Claire');
    expect(log).not.toContain('ac-nancy-metz.fr');
  });
});
