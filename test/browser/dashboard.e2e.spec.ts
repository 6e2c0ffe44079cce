import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, statSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumMissing, chromiumPresent, launchChromium } from '../support/chromium.js';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { declareAndValidate, deciderClaims } from '../support/validated-project.js';
import { DashboardFlow } from '../dashboard/dashboard-flow.js';

const SCREENSHOT = 'test-artifacts/dashboard.png';

describe('the dashboard in headless Chromium', () => {
  if (!chromiumPresent) {
    chromiumMissing('the dashboard browser test');
    return;
  }

  let api: ApiHarness;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  beforeAll(async () => {
    api = await startApi();
    ({ browser, close: closeBrowser } = await launchChromium({ viewport: { width: 1280, height: 1600 }, locale: 'fr-FR' }));
  }, 60_000);
  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
  });

  it('shows a command run through the API within 2 s, without reload; French figures; screenshot saved', async () => {
    const flow = await DashboardFlow.start(api);
    const validated = await flow.validated(1_134_567);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(`${api.url}/`);
    const cell = (program: string, metric: string) => page.locator(`td[data-program="${program}"][data-metric="${metric}"]`);
    // Locators, not page-side strings: the page's CSP forbids eval.
    await page.locator(`body[data-position="${validated.position}"]`).waitFor({ state: 'attached', timeout: 5000 });
    expect(await cell('education', 'validated').textContent()).toBe('1');
    expect((await cell('education', 'grantedCents').textContent())!.replace(/\s/g, ' ')).toBe('11 345,67 €');
    expect(await page.locator('#live-status').textContent()).toContain('En direct');
    expect(await page.locator('canvas#funnel-chart-education').count()).toBe(1);
    expect(await page.evaluate(() => typeof (globalThis as { Chart?: unknown }).Chart)).toBe('function');
    await page.locator('#territories tbody tr').first().waitFor();
    expect(await page.locator('#territories tbody tr th').first().textContent()).toBe('Région Grand Est');

    // Run a command through the API: the page must show it within 2 s, on the same document.
    const declared = await flow.declare('health', 'Centre de santé : consultations avancées');
    const t0 = Date.now();
    await cell('health', 'intentions').filter({ hasText: /^1$/ }).waitFor({ timeout: 2000 });
    const shownAfterMs = Date.now() - t0;
    expect(shownAfterMs).toBeLessThan(2000);
    expect(await page.locator('body').getAttribute('data-position')).toBe(declared.position);
    expect(loads).toBe(1);

    // Keyboard drill-down: Région Grand Est → its académies.
    await page.locator('#territories tbody button', { hasText: 'Région Grand Est' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#territories tbody tr th', { hasText: 'Nancy-Metz' }).waitFor({ timeout: 2000 });
    expect(await page.locator('#territory-trail [aria-current="page"]').textContent()).toBe('Région Grand Est');
    // Health drills from the région to its départements (no académie), then to the CTS.
    await page.locator('#territory-program').selectOption('health');
    await page.locator('#territories tbody button', { hasText: 'Région Grand Est' }).click();
    await page.locator('#territories tbody button', { hasText: 'Meuse (55)' }).click();
    await page.locator('#territories tbody tr th', { hasText: 'CTS Meuse' }).waitFor({ timeout: 2000 });
    expect(await page.locator('#territories thead th').nth(1).textContent()).toBe('Intentions (projets)');
    // The education figures per school level: the flow's school, unknown to the directory, was registered when its holder
    // declared the project (as its first member), of no kind given: « autre établissement ».
    const levelRow = (level: string) => page.locator(`#school-levels tr[data-level="${level}"] td`).allTextContents();
    expect(await levelRow('other')).toEqual(['1', '1', '1']);
    expect(await levelRow('unknown')).toEqual(['0', '0', '0']);
    expect(await page.locator('#workflows article').count()).toBe(2);

    // Envelope figures (…Cents on the wire) shown in euros: FIP Lille 2023, where no project draws, notified then committed.
    const admin = await api.token({ role: 'admin', sub: 'admin-national' });
    const post = (path: string, body: unknown, key: string) =>
      api.request('POST', path, { token: admin, body, headers: { 'idempotency-key': key } });
    // The commitment is the EJ of a real project of the académie de Lille, validated for €97,000, with its signed award act.
    const lilleHolder = await api.token({ role: 'holder', sub: 'holder-lille' });
    const lilleDecider = await api.token(deciderClaims('education', '09'));
    const lilleProject = await declareAndValidate(
      (method, path, token, body) => api.request(method, path, { token, body }),
      {
        holder: lilleHolder,
        validator: await api.token({ role: 'validator', sub: 'val-lille', scope: { academies: ['09'] } }),
        decider: lilleDecider,
      },
      {
        intention: {
          program: 'education',
          title: 'Un atelier de lecture à Lille',
          description: 'Concertation Notre école, faisons-la ensemble.',
          territory: { region: '32', departement: '59', communeCode: '59350', academie: '09' },
          holder: { organisationId: '0590001F', name: 'Lycée de Lille' },
        },
        requestedCents: 9_700_000,
        grantedCents: 9_700_000,
      },
    );
    expect((await post('/envelopes', { fund: 'fip', territoryCode: 'academie-09', year: 2023 }, 'open-lille')).status).toBe(201);
    expect((await post('/envelopes/fip-academie-09-2023/notify', { ae: '9700000.00', cp: '4850000.00' }, 'notify-lille')).status).toBe(200);
    // The lycée is paid directly (an EPLE has its own SIRET); a public body: an arrêté attributif, signed by the recteur.
    const payee = { kind: 'self', siret: '19590001400018', iban: 'FR7630006000011234567890189' };
    expect((await api.request('PUT', '/organisations/0590001F/payee', { token: lilleHolder, body: payee })).status).toBe(200);
    const act = { envelopeId: 'fip-academie-09-2023', payeeLegalStatus: 'public' };
    expect((await post(`/projects/${lilleProject}/award-act`, act, 'act-lille')).status).toBe(201);
    const signed = await api.request('POST', `/projects/${lilleProject}/award-act/sign`, { token: lilleDecider, body: {} });
    expect(signed.status).toBe(200);
    const commitment = { projectId: lilleProject, ejNumber: '2103000900', amount: '97000.00' };
    expect((await post('/envelopes/fip-academie-09-2023/commit', commitment, 'commit-lille')).status).toBe(200);
    const row = page.locator('#envelopes tr[data-envelope="fip-academie-09-2023"] td');
    await row.filter({ hasText: /^97\s000,00\s€$/ }).waitFor({ timeout: 2000 });
    const cells = (await row.allTextContents()).map((t) => t.replace(/\s/g, ' '));
    expect(cells).toEqual(['FIP', '9 700 000,00 €', '97 000,00 €', '1 %', '4 850 000,00 €', '0,00 €', '0 %']);
    expect(errors).toEqual([]);

    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);

  it('keeps the access token for its tab only (a wall screen is shared): in sessionStorage, never in localStorage', async () => {
    const token = await api.token({ role: 'admin', sub: 'admin-wall-screen' });
    const storage = (page: Page) => page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
    const page = await browser.newPage();
    await page.goto(`${api.url}/`);
    await page.locator('#token').fill(token);
    await page.locator('#token-form button[type="submit"]').click();
    expect(await storage(page)).toEqual({ local: {}, session: { 'refonda-token': token } });
    await page.reload();
    expect(await page.locator('#token').inputValue()).toBe(token);
    // Another tab of the same browser profile (which shares localStorage) starts without it.
    const other = await browser.newPage();
    await other.goto(`${api.url}/`);
    expect(await storage(other)).toEqual({ local: {}, session: {} });
    expect(await other.locator('#token').inputValue()).toBe('');
    await other.close();
    await page.close();
  }, 60_000);
});
