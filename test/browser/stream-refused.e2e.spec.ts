import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { type ApiHarness, startApi } from '../support/api-harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM) && process.env.CI === 'true') throw new Error(`Chromium is missing at ${CHROMIUM}, and CI=true`);
const present = existsSync(CHROMIUM);
if (!present) process.stderr.write(`*** the stream-refused browser test did not run: no Chromium at ${CHROMIUM}\n`);

let api: ApiHarness;
let browser: BrowserContext;
let profile: string;
beforeAll(async () => {
  if (!present) return;
  // One stream per caller: the second screen from this address is refused (429 TOO_MANY_STREAMS).
  api = await startApi({ SSE_STREAMS_PER_CALLER_MAX: '1' });
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

it('a screen refused a stream says why (too many streams from here, not "give a token") and tries again later', async () => {
  if (!present) return;
  const first = await browser.newPage();
  await first.goto(`${api.url}/`);
  await first.locator('#live-status', { hasText: 'En direct' }).waitFor({ timeout: 10_000 });
  const second = await browser.newPage();
  await second.goto(`${api.url}/`);
  await second.locator('#live-status', { hasText: 'Flux refusé pour l’instant' }).waitFor({ timeout: 10_000 });
  expect(await second.locator('#live-status').textContent()).not.toContain('jeton');
});
