import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { connectSse } from './sse-client.js';

describe('the dashboard page at /', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is served by the API: French, semantic HTML, its own script, Chart.js from node_modules, no CDN', async () => {
    const res = await fetch(`${api.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/<html lang="fr">/);
    for (const tag of [
      '<header>',
      '<main id="main">',
      '<nav aria-label=',
      '<section aria-labelledby=',
      '<caption>',
      '<label for="territory-level">',
    ])
      expect(html).toContain(tag);
    expect(html).not.toMatch(/(src|href)="https?:/);
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['/dashboard/assets/chart.umd.js', '/dashboard/assets/dashboard.js']);
    const chart = await fetch(`${api.url}/dashboard/assets/chart.umd.js`);
    expect(chart.headers.get('content-type')).toContain('javascript');
    expect(await chart.text()).toBe(readFileSync('node_modules/chart.js/dist/chart.umd.js', 'utf8'));
    const script = await (await fetch(`${api.url}/dashboard/assets/dashboard.js`)).text();
    expect(script).toContain("new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })");
    expect(script).toContain('new EventSource(');
    expect(script).toContain('new Chart(');
    expect((await fetch(`${api.url}/dashboard/assets/..%2Fapp.module.ts`)).status).toBe(404);
  });

  it("gives each program's workflow as states and transitions, with the Mermaid text", async () => {
    const { items } = (await api.request('GET', '/dashboard/workflows')).body;
    expect(items.map((w: { program: string }) => w.program)).toEqual(['education', 'health']);
    const health = items[1];
    expect(health.states.map((s: { name: string }) => s.name)).toContain('cts_review');
    // The latest version (v2): the analysis closed by the instructeur, the decision signed by the DG ARS.
    expect(health.states.map((s: { name: string }) => s.name)).toContain('analysed');
    expect(health.transitions).toContainEqual(
      expect.objectContaining({ command: 'complete_analysis', from: ['under_analysis'], to: 'analysed', roles: ['validator'] }),
    );
    expect(health.transitions).toContainEqual(
      expect.objectContaining({ command: 'validate', from: ['analysed', 'cts_review'], to: 'validated', roles: ['decider'] }),
    );
    expect(health.transitions).toContainEqual(
      expect.objectContaining({ command: 'return_to_instruction', from: ['analysed', 'cts_review'], to: 'under_analysis' }),
    );
    expect(health.mermaid).toMatch(/^stateDiagram-v2/);
  });
});

describe('PUBLIC_DASHBOARD', () => {
  it('true (default): aggregated figures need no token; project details in decisions do', async () => {
    const api = await startApi();
    try {
      expect((await api.request('GET', '/dashboard/funnel')).status).toBe(200);
      expect((await api.request('GET', '/dashboard/summary')).status).toBe(200);
      const sse = connectSse(`${api.url}/dashboard/stream`);
      expect(await sse.status).toBe(200);
      sse.close();
      expect((await api.request('GET', '/projects')).status).toBe(401);
    } finally {
      await api.close();
    }
  });

  it('false: every figure and the stream need a token (header, or access_token for EventSource); the page shell is public', async () => {
    const api = await startApi({ PUBLIC_DASHBOARD: 'false' });
    try {
      const token = await api.token({ role: 'auditor' });
      for (const path of [
        '/dashboard/funnel',
        '/dashboard/territories',
        '/dashboard/envelopes',
        '/dashboard/workload',
        '/dashboard/decisions',
        '/dashboard/series',
        '/dashboard/summary',
      ]) {
        const anonymous = await api.request('GET', path);
        expect([path, anonymous.status, anonymous.body.code]).toEqual([path, 401, 'AUTH_REQUIRED']);
        expect([path, (await api.request('GET', path, { token })).status]).toEqual([path, 200]);
      }
      const refused = connectSse(`${api.url}/dashboard/stream`);
      expect(await refused.status).toBe(401);
      refused.close();
      const forged = connectSse(`${api.url}/dashboard/stream?access_token=not-a-token`);
      expect(await forged.status).toBe(401);
      forged.close();
      const allowed = connectSse(`${api.url}/dashboard/stream?access_token=${token}`);
      expect(await allowed.status).toBe(200);
      await allowed.next(() => true);
      allowed.close();
      const page = await fetch(`${api.url}/`);
      expect(page.status).toBe(200);
      await page.text(); // a half-read response would hold the connection open through shutdown
    } finally {
      await api.close();
    }
  });
});
