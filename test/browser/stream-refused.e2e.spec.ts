import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext } from 'playwright-core';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { chromiumMissing, chromiumPresent, launchChromium } from '../support/chromium.js';

describe('a dashboard screen refused its stream', () => {
  if (!chromiumPresent) {
    chromiumMissing('the stream-refused browser test');
    return;
  }

  let api: ApiHarness;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  beforeAll(async () => {
    // One stream per caller: the second screen from this address is refused (429 TOO_MANY_STREAMS).
    api = await startApi({ SSE_STREAMS_PER_CALLER_MAX: '1' });
    ({ browser, close: closeBrowser } = await launchChromium());
  }, 60_000);
  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
  });

  it('says why (too many streams from here, not "give a token") and tries again later', async () => {
    const first = await browser.newPage();
    await first.goto(`${api.url}/`);
    await first.locator('#live-status', { hasText: 'En direct' }).waitFor({ timeout: 10_000 });
    const second = await browser.newPage();
    await second.goto(`${api.url}/`);
    await second.locator('#live-status', { hasText: 'Flux refusé pour l’instant' }).waitFor({ timeout: 10_000 });
    expect(await second.locator('#live-status').textContent()).not.toContain('jeton');
  });
});
