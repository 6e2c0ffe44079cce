import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from '@jest/globals';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium (installed by .ci/run with apt-get); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';

/** In place of a browser suite when Chromium is absent: a failure in CI, a printed "did not run" elsewhere. */
export function chromiumMissing(what: string): void {
  it(`needs Chromium at ${CHROMIUM}${inCi ? ' (required in CI)' : ''}`, () => {
    if (inCi) throw new Error(`Chromium is missing at ${CHROMIUM}, and CI=true: the browser test must run in CI`);
    process.stderr.write(`*** ${what} did not run: no Chromium at ${CHROMIUM}\n`);
  });
}

/** Headless Chromium in a fresh profile (the flags this closed network needs); `close` removes the profile. */
export async function launchChromium(options: { viewport?: { width: number; height: number }; locale?: string } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'refonda-chromium-'));
  const browser: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...options,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const close = async (): Promise<void> => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}
