import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext } from 'playwright-core';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { chromiumMissing, chromiumPresent, launchChromium } from '../support/chromium.js';

describe('Swagger UI under its Content-Security-Policy, in headless Chromium', () => {
  if (!chromiumPresent) {
    chromiumMissing('the Swagger UI browser test');
    return;
  }

  let api: ApiHarness;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  beforeAll(async () => {
    api = await startApi();
    ({ browser, close: closeBrowser } = await launchChromium());
  }, 60_000);
  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
  });

  it('renders every operation, and the browser reports no policy violation', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    await page.goto(`${api.url}/api/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    expect(await page.locator('.info .title').textContent()).toContain('Refonda API');
    // Opening an operation renders its parameters (React sets style attributes: the 'unsafe-inline' styles).
    await page.locator('.opblock-summary', { hasText: '/dashboard/funnel' }).first().click();
    await page.locator('.parameters-container').first().waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
