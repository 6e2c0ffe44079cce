import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { type Actors, actors, envelopeCommand, store, transition, validatedEducationProject } from './funding-flow.js';
import { commitAct, communePaysForSchool } from './award-flow.js';

/** Two multi-year envelopes (a project's act may draw on one covering its territory and exercise). */
const NANCY_METZ = 'fip-academie-12-2023-2024';
const LILLE = 'fip-academie-09-2023-2024';
const SINGLE_YEAR = 'fip-academie-12-2023';

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
    const single = await envelopeCommand(api, a.admin, '/envelopes', { fund: 'fip', territoryCode: 'academie-12', year: 2023 });
    expect(single.status).toBe(201);
    await envelopeCommand(api, a.admin, `/envelopes/${SINGLE_YEAR}/notify`, { ae: '100000.00', cp: '50000.00' });
    validated = await validatedEducationProject(api, a, 2_000_000, 1_500_000);
    await communePaysForSchool(api, a);
  });
  afterAll(async () => {
    await api.close();
  });

  const commit = (envelopeId: string, projectId: string, _label: string, body: Record<string, unknown> = {}) =>
    commitAct(api, a.admin, envelopeId, projectId, body);
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

  it('refuses a validated project without a signed award act (409 naming the rule), and writes nothing', async () => {
    const res = await commit(NANCY_METZ, validated, 'no act');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ENVELOPE_AWARD_ACT_REQUIRED', errors: [{ field: 'projectId', rule: 'signed-award-act' }] });
    const drafted = await api.request('POST', `/projects/${validated}/award-act`, { token: a.finance, body: { envelopeId: NANCY_METZ } });
    expect(drafted.body).toMatchObject({ status: 'draft', form: 'arrete', amount: '15000.00', envelopeId: NANCY_METZ });
    const unsigned = await commit(NANCY_METZ, validated, 'draft only');
    expect(unsigned.body).toMatchObject({
      status: 409,
      code: 'ENVELOPE_AWARD_ACT_NOT_SIGNED',
      errors: [{ field: 'awardActId', rule: 'signed-award-act' }],
    });
    expect(await committed(NANCY_METZ)).toBe(0);
  });

  it('commits for the signed act, never above it nor on another envelope than the act’s; one EJ per act', async () => {
    const signed = await api.request('POST', `/projects/${validated}/award-act/sign`, { token: a.eduDecider, body: {} });
    expect(signed.body).toMatchObject({ status: 'signed', signature: { capacity: 'recteur' } });
    const above = await commit(NANCY_METZ, validated, 'above', { amount: '60000.00' });
    expect(above.body).toMatchObject({
      status: 409,
      code: 'ENVELOPE_COMMITMENT_ABOVE_ACT',
      actAmountCents: 1_500_000,
      errors: [{ field: 'amount', rule: 'at-most-the-act' }],
    });
    const elsewhere = await commit(SINGLE_YEAR, validated, 'another envelope');
    expect(elsewhere.body).toMatchObject({ status: 409, code: 'ENVELOPE_AWARD_ACT_OTHER_ENVELOPE', actEnvelopeId: NANCY_METZ });
    expect(await committed(SINGLE_YEAR)).toBe(0);
    expect(await committed(NANCY_METZ)).toBe(0);
    const res = await commit(NANCY_METZ, validated, 'ok');
    expect(res.status).toBe(200);
    expect(res.body.outcome).toMatchObject([
      { type: 'envelope.committed', data: { projectId: validated, amountCents: 1_500_000, awardActId: signed.body.actId } },
    ]);
    expect((await commit(NANCY_METZ, validated, 'twice')).body).toMatchObject({ status: 409, code: 'ENVELOPE_COMMITMENT_EXISTS' });
    expect(await committed(NANCY_METZ)).toBe(1);
  });
});
