import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const screenshotDir = new URL('../../test-results/screenshots/', import.meta.url).pathname;

/** Debian's Chromium (apt-get install chromium), headless, with no background network (the machine has none). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const shoot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
