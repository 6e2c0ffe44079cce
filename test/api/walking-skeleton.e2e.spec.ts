import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';

describe('walking skeleton: POST /projects → decider → append → projection → GET /projects/:id', () => {
  let api: ApiHarness;
  let holder: string;
  beforeAll(async () => {
    api = await startApi();
    holder = await api.token({ role: 'holder', sub: 'holder-bar-le-duc' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('declares an intention and reads it back at the position the command wrote (read-your-writes)', async () => {
    const created = await api.request('POST', '/projects', { token: holder, body: educationIntention() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'intention', revision: '0', events: ['project.intention_declared'] });
    const position = created.body.position as string;
    expect(created.headers.get('x-position')).toBe(position);
    expect(created.headers.get('etag')).toBe('"0"');
    const read = await api.request('GET', `/projects/${created.body.projectId}?minPosition=${position}`, { token: holder });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.body.projectId, program: 'education', status: 'intention', position, revision: '0' });
    expect(read.body.content.title).toBe('Un jardin pédagogique partagé à Bar-le-Duc');
    expect(read.headers.get('etag')).toBe('"0"');
    expect(read.body.actions.map((a: { command: string }) => a.command)).toContain('start_drafting');
  });

  it('the same with the X-Min-Position header, for 50 writes in a row', async () => {
    for (let i = 0; i < 50; i++) {
      const created = await api.request('POST', '/projects', { token: holder, body: educationIntention(`Projet ${i}`) });
      const read = await api.request('GET', `/projects/${created.body.projectId}`, {
        token: holder,
        headers: { 'x-min-position': created.body.position },
      });
      expect(read.status).toBe(200);
    }
  });

  it('a read waiting for a position never written answers 503 after the bounded wait', async () => {
    const api2 = await startApi({ MAX_READ_WAIT_MS: '100' });
    try {
      const token = await api2.token({ role: 'holder' });
      const res = await api2.request('GET', '/projects?minPosition=999999', { token });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('READ_MODEL_BEHIND');
    } finally {
      await api2.close();
    }
  });

  it('bad input is a 400 naming the field and the rule, and nothing is written', async () => {
    const before = await api.headPosition();
    const bad = await api.request('POST', '/projects', { token: holder, body: { ...educationIntention(), program: 'culture', title: 42 } });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['program', 'title']));
    const badUai = await api.request('POST', '/projects', {
      token: holder,
      body: { ...educationIntention(), holder: { organisationId: '0550001B', name: 'x' } },
    });
    expect(badUai.status).toBe(400);
    expect(badUai.body).toMatchObject({ errors: [expect.objectContaining({ field: 'holder.organisationId' })] });
    const unknownField = await api.request('POST', '/projects', { token: holder, body: { ...educationIntention(), budget: 1.5 } });
    expect(unknownField.status).toBe(400);
    expect(await api.headPosition()).toBe(before);
  });

  it('a validator cannot declare an intention (403)', async () => {
    const validator = await api.token({ role: 'validator', scope: { academies: ['12'] } });
    const res = await api.request('POST', '/projects', { token: validator, body: educationIntention() });
    expect(res.status).toBe(403);
  });
});
