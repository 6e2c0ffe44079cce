import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { type ApiHarness, startApi } from '../support/api-harness.js';

/** Debian's chromium, as test/browser/dashboard.e2e.spec.ts uses it; never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';

describe('Swagger UI under its Content-Security-Policy, in headless Chromium', () => {
  if (!present) {
    it(`needs Chromium at ${CHROMIUM}${inCi ? ' (required in CI)' : ''}`, () => {
      if (inCi) throw new Error(`Chromium is missing at ${CHROMIUM}, and CI=true: the browser test must run in CI`);
      process.stderr.write(`*** the Swagger UI browser test did not run: no Chromium at ${CHROMIUM}\n`);
    });
    return;
  }

  let api: ApiHarness;
  let browser: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    api = await startApi();
    profile = mkdtempSync(join(tmpdir(), 'refonda-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
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
