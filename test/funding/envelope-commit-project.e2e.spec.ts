import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { type Actors, actors, envelopeCommand, store, transition, validatedEducationProject } from './funding-flow.js';

/** Two multi-year envelopes (the funding process matches single-year ones only, so it leaves them to these commands). */
const NANCY_METZ = 'fip-academie-12-2023-2024';
const LILLE = 'fip-academie-09-2023-2024';

describe('a commitment only for an existing project of the envelope’s territory, validated or in financing', () => {
  let api: ApiHarness;
  let a: Actors;
  let validated: string;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    for (const territoryCode of ['academie-12', 'academie-09']) {
      const opened = await envelopeCommand(api, a.admin, '/envelopes', {
        fund: 'fip',
        territoryCode,
        period: { fromYear: 2023, toYear: 2024 },
      });
      expect(opened.status).toBe(201);
      const id = opened.body.envelopeId as string;
      expect((await envelopeCommand(api, a.admin, `/envelopes/${id}/notify`, { ae: '100000.00', cp: '50000.00' })).status).toBe(200);
    }
    validated = await validatedEducationProject(api, a, 2_000_000, 1_500_000);
  });
  afterAll(async () => {
    await api.close();
  });

  const commit = (envelopeId: string, projectId: string, ref: string) =>
    envelopeCommand(api, a.admin, `/envelopes/${envelopeId}/commit`, { commitmentRef: ref, projectId, amount: '15000.00' });
  const committed = async (envelopeId: string) =>
    (await store(api).readStream(`envelope-${envelopeId}`)).filter((e) => e.type === 'envelope.committed').length;

  it('refuses a project that does not exist (404 naming projectId), and writes nothing', async () => {
    const missing = randomUUID();
    const res = await commit(NANCY_METZ, missing, 'EJ-2023-MISSING');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: 'PROJECT_NOT_FOUND',
      projectId: missing,
      errors: [expect.objectContaining({ field: 'projectId' })],
    });
    expect(res.body.detail).toContain(missing);
    expect(await committed(NANCY_METZ)).toBe(0);
  });

  it('refuses a project of another territory (403 naming the rule), and writes nothing', async () => {
    const res = await commit(LILLE, validated, 'EJ-2023-ELSEWHERE');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'ENVELOPE_PROJECT_OUT_OF_TERRITORY',
      envelopeId: LILLE,
      projectId: validated,
      errors: [expect.objectContaining({ field: 'projectId', rule: 'project-in-envelope-territory' })],
    });
    expect(await committed(LILLE)).toBe(0);
  });

  it('refuses a project not yet validated (409 naming its status and the states allowed), and writes nothing', async () => {
    const declared = await api.request('POST', '/projects', { token: a.holder, body: educationIntention('Pas encore validé') });
    expect(declared.status).toBe(201);
    await transition(api, a.holder, declared.body.projectId, 'start_drafting');
    const res = await commit(NANCY_METZ, declared.body.projectId, 'EJ-2023-DRAFT');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ENVELOPE_PROJECT_NOT_COMMITTABLE',
      projectId: declared.body.projectId,
      projectStatus: 'drafting',
      allowed: ['validated', 'financing'],
      errors: [expect.objectContaining({ field: 'projectId', rule: 'project-validated-or-financing' })],
    });
    expect(await committed(NANCY_METZ)).toBe(0);
  });

  it('commits for a validated project of the envelope’s territory', async () => {
    const res = await commit(NANCY_METZ, validated, 'EJ-2023-OK');
    expect(res.status).toBe(200);
    expect(res.body.outcome).toMatchObject([{ type: 'envelope.committed', data: { projectId: validated, amountCents: 1_500_000 } }]);
  });
});
