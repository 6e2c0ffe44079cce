import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { JwtService } from '#auth';
import { AuditorReadOnlyGuard } from '../../apps/api/src/audit/auditor-read-only.guard.js';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { educationToValidation } from './support/projects.js';

const WRITES = ['post', 'put', 'patch', 'delete'];

describe('the auditor reads everything and writes nothing', () => {
  let api: ApiHarness;
  let projectId: string;
  beforeAll(async () => {
    api = await startApi();
    const holder = await api.token({ role: 'holder', sub: 'holder-meuse' });
    const validator = await api.token({ role: 'validator', scope: { academies: ['12'] } });
    ({ id: projectId } = await educationToValidation(api, { holder, validator }));
  });
  afterAll(async () => {
    await api.close();
  });

  it('every write route of the OpenAPI document answers 403 to an auditor token, and the log does not move', async () => {
    const docs = (await api.request('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const auditor = await api.token({ role: 'auditor', sub: 'auditor-ccomptes' });
    const head = await api.headPosition();
    const tried: string[] = [];
    for (const [template, operations] of Object.entries(docs.paths)) {
      for (const method of Object.keys(operations).filter((m) => WRITES.includes(m))) {
        // Real ids and a plausible body, so that nothing but the role can refuse the call.
        const path = template
          .replace(/\{id\}/g, projectId)
          .replace(/\{command\}/g, 'start_financing')
          .replace(/\{[^}]+\}/g, 'x');
        const res = await api.request(method.toUpperCase(), path, { token: auditor, body: { reason: 'audit', commitmentRef: 'EJ-1' } });
        expect({ route: `${method.toUpperCase()} ${template}`, status: res.status }).toEqual({
          route: `${method.toUpperCase()} ${template}`,
          status: 403,
        });
        tried.push(`${method.toUpperCase()} ${template}`);
      }
    }
    expect(tried).toEqual(expect.arrayContaining(['POST /projects', 'PATCH /projects/{id}', 'POST /projects/{id}/{command}']));
    expect(await api.headPosition()).toBe(head);
  });

  it('while the same calls with a token of the right role are not refused on the role', async () => {
    const finance = await api.token({ role: 'finance', scope: { academies: ['12'] } });
    const res = await api.request('POST', `/projects/${projectId}/start_financing`, { token: finance, body: { commitmentRef: 'EJ-1' } });
    expect(res.status).toBe(200);
  });

  it('the read-only guard refuses an auditor on any write, before any pipe or handler; reads and other roles pass', async () => {
    const guard = new AuditorReadOnlyGuard(api.app.get(JwtService));
    const context = (method: string, token?: string) =>
      ({
        switchToHttp: () => ({ getRequest: () => ({ method, headers: token ? { authorization: `Bearer ${token}` } : {} }) }),
      }) as unknown as ExecutionContext;
    const auditor = await api.token({ role: 'auditor' });
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      await expect(guard.canActivate(context(method, auditor))).rejects.toMatchObject({ category: 'forbidden', code: 'AUDITOR_READ_ONLY' });
    }
    expect(await guard.canActivate(context('GET', auditor))).toBe(true);
    expect(await guard.canActivate(context('POST', await api.token({ role: 'holder' })))).toBe(true);
    expect(await guard.canActivate(context('POST'))).toBe(true);
  });

  it('reads: every history, every project, as of any point, and the exports', async () => {
    const auditor = await api.token({ role: 'auditor' });
    expect((await api.request('GET', `/projects/${projectId}`, { token: auditor })).status).toBe(200);
    expect((await api.request('GET', `/projects/${projectId}/history`, { token: auditor })).status).toBe(200);
    const history = await api.request('GET', `/projects/${projectId}/history`, { token: auditor });
    const declaredAt = history.body.events[0].position;
    expect((await api.request('GET', `/projects/${projectId}?asOf=${declaredAt}`, { token: auditor })).status).toBe(200);
    expect((await api.request('GET', '/projects', { token: auditor })).body.total).toBe(1);
    expect((await api.request('GET', '/audit/log.jsonl', { token: auditor })).status).toBe(200);
    expect((await api.request('GET', '/audit/ledger.csv', { token: auditor })).status).toBe(200);
  });
});
