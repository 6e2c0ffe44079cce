import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { signAwardAct } from '../support/award-act.js';
import { type Actors, NANCY_METZ_2023, actors, envelopeCommand, validatedEducationProject } from '../funding/funding-flow.js';

describe('GET /envelopes/:id?asOf= gives the balance as it was then', () => {
  let api: ApiHarness;
  let a: Actors;
  const captured: { position: string; at: string; body: Record<string, unknown> }[] = [];
  const strip = ({ revision: _r, position: _p, asOf: _a, ...rest }: Record<string, unknown>) => rest;

  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    // Two real projects of the académie, validated for €12,500 and €8,000: each commitment is the EJ of its signed act.
    const projects = [
      await validatedEducationProject(api, a, 1_250_000, 1_250_000),
      await validatedEducationProject(api, a, 800_000, 800_000),
    ];
    const steps: [string, unknown][] = [
      ['/envelopes', { fund: 'fip', territoryCode: 'academie-12', year: 2023, label: 'FIP 2023 – académie de Nancy-Metz' }],
      [`/envelopes/${NANCY_METZ_2023}/notify`, { ae: '4850000.00', cp: '2425000.00', reason: 'Notification FIP 2023' }],
      [`/envelopes/${NANCY_METZ_2023}/commit`, { ejNumber: '2103000001', projectId: projects[0], amount: '12500.00' }],
      [`/envelopes/${NANCY_METZ_2023}/commit`, { ejNumber: '2103000002', projectId: projects[1], amount: '8000.00' }],
    ];
    for (const [i, [path, body]] of steps.entries()) {
      // The acts are drafted once the envelope is open (an act names the envelope it draws on), before their EJ.
      if (i >= 2)
        await signAwardAct(api, { holder: a.holder, finance: a.finance, decider: a.eduDecider }, projects[i - 2]!, {
          envelopeId: NANCY_METZ_2023,
        });
      const res = await envelopeCommand(api, a.finance, path, body);
      expect([200, 201]).toContain(res.status);
      const now = await api.request('GET', `/envelopes/${NANCY_METZ_2023}`, { token: a.finance });
      captured.push({ position: now.body.position, at: new Date().toISOString(), body: now.body });
      api.clock.advance(60_000);
      await new Promise((r) => setTimeout(r, 5));
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it('by position: equals what GET returned right after each operation', async () => {
    for (const c of captured) {
      const then = await api.request('GET', `/envelopes/${NANCY_METZ_2023}?asOf=${c.position}`, { token: a.finance });
      expect(then.status).toBe(200);
      expect(then.body.asOf).toBe(c.position);
      expect(strip(then.body)).toEqual(strip(c.body));
    }
  });

  it('by ISO date-time, before opening (404), a bad value (400 naming asOf)', async () => {
    const at = await api.request('GET', `/envelopes/${NANCY_METZ_2023}?asOf=${encodeURIComponent(captured[2]!.at)}`, { token: a.finance });
    expect(strip(at.body)).toEqual(strip(captured[2]!.body));
    const before = await api.request('GET', `/envelopes/${NANCY_METZ_2023}?asOf=${Number(captured[0]!.position) - 1}`, {
      token: a.finance,
    });
    expect(before.status).toBe(404);
    const bad = await api.request('GET', `/envelopes/${NANCY_METZ_2023}?asOf=hier`, { token: a.finance });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('asOf');
  });
});
