import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { type Actors, actors, declare, ok } from './lifecycle-flow.js';

/** Lille (académie 09, Nord 59, Hauts-de-France 32): a school with a valid UAI. */
const lilleIntention = (title: string) => ({
  ...educationIntention(title),
  territory: { region: '32', departement: '59', academie: '09' },
  holder: { organisationId: '0590001F', name: 'Lycée de Lille' },
  partners: [],
});

describe('GET /projects: filters (program, status, territory, holder), pages, visibility', () => {
  let api: ApiHarness;
  let a: Actors;
  let lilleHolder: string;
  const titles = (res: { body: { items: { content: { title: string } }[] } }) => res.body.items.map((p) => p.content.title).sort();
  const list = async (token: string, query: string) => {
    const head = await api.headPosition();
    const res = await api.request('GET', `/projects?${query}${query ? '&' : ''}minPosition=${head}`, { token });
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    lilleHolder = await api.token({ role: 'holder', sub: 'holder-lille' });
    for (let i = 1; i <= 5; i++) await declare(api, a.holder, 'education', `Meuse éducation ${i}`);
    const drafting = await declare(api, a.holder, 'education', 'Meuse éducation en élaboration');
    await ok(api, a.holder, drafting, 'start_drafting');
    await declare(api, a.holder, 'health', 'Meuse santé 1');
    await declare(api, a.holder, 'health', 'Meuse santé 2');
    const lille = await api.request('POST', '/projects', { token: lilleHolder, body: lilleIntention('Lille éducation 1') });
    expect(lille.status).toBe(201);
  });
  afterAll(async () => {
    await api.close();
  });

  it('filters by program, status, territory and holder', async () => {
    expect((await list(a.admin, '')).body.total).toBe(9);
    expect((await list(a.admin, 'program=health')).body.total).toBe(2);
    expect(titles(await list(a.admin, 'program=education&status=drafting'))).toEqual(['Meuse éducation en élaboration']);
    expect((await list(a.admin, 'program=education&status=intention')).body.total).toBe(6);
    expect(titles(await list(a.admin, 'territory=09'))).toEqual(['Lille éducation 1']);
    expect((await list(a.admin, 'territory=55')).body.total).toBe(8);
    expect((await list(a.admin, 'territory=CTS-44-55')).body.total).toBe(2);
    expect((await list(a.admin, 'holder=550000012')).body.total).toBe(2);
    expect(titles(await list(a.admin, 'holder=0590001F'))).toEqual(['Lille éducation 1']);
    expect((await list(a.admin, 'program=education&territory=44&holder=0550001C&status=intention')).body.total).toBe(5);
  });

  it('pages', async () => {
    const first = await list(a.admin, 'program=education&pageSize=4&page=1');
    const second = await list(a.admin, 'program=education&pageSize=4&page=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 4, total: 7 });
    expect(first.body.items).toHaveLength(4);
    expect(second.body.items).toHaveLength(3);
    const ids = [...first.body.items, ...second.body.items].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(7);
    expect((await list(a.admin, 'program=education&pageSize=4&page=3')).body.items).toEqual([]);
    expect((await api.request('GET', '/projects?page=0', { token: a.admin })).status).toBe(400);
    expect((await api.request('GET', '/projects?program=culture', { token: a.admin })).body.errors[0].field).toBe('program');
  });

  it('each caller sees only what is theirs: holders their own, validators their territory', async () => {
    expect((await list(a.holder, '')).body.total).toBe(8);
    expect(titles(await list(lilleHolder, ''))).toEqual(['Lille éducation 1']);
    expect((await list(a.eduValidator, '')).body.total).toBe(6);
    expect(titles(await list(a.lilleValidator, ''))).toEqual(['Lille éducation 1']);
    expect((await list(a.ctsValidator, '')).body.total).toBe(2);
    expect((await list(a.lilleValidator, 'territory=55')).body.total).toBe(0);
  });
});
