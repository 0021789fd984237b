/**
 * Outlook add-in benchmark: the pane's JavaScript on first load (gzip) and time
 * to ready in headless Chromium (navigation → the agenda is shown), median of 7
 * cold loads, in the sandbox mailbox's pane over the office.js stand-in.
 * Prints figures; asserts nothing. Needs `npm run build` and Debian's Chromium.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/compose.js';
import { openPgliteDatabase } from '../src/store/pglite-database.js';

const gz = (file: string) => gzipSync(readFileSync(`dist/addin/${file}`), { level: 9 }).length;
const first = gz('addin.js');
const all =
  first +
  readdirSync('dist/addin/chunks')
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gz(`chunks/${f}`), 0);

const db = await openPgliteDatabase();
const app = await startApp(loadConfig({ PORT: '0', ORGANISATION_FILE: 'config/organisation.local.json' }), { db, startJobs: true });
const signIn = async (upn: string) =>
  (
    (await (
      await fetch(`${app.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn }),
      })
    ).json()) as { token: string }
  ).token;
const lead = await signIn('mette.lund@sohavn.example');
const planned = await fetch(`${app.url}/api/conversations`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${lead}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({
    schoolId: 'bakkeskolen',
    templateId: 'aarhus-2025',
    startsAt: '2027-03-10T08:00:00Z',
    endsAt: '2027-03-10T10:00:00Z',
    theme: 'Tema',
    extraTopics: [],
  }),
});
const { id } = (await planned.json()) as { id: string };
await app.runner.drain();
const event = app.sandbox!.state.events.find((e) => e.transactionId === id)!;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const times: number[] = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/sandbox/mail/${event.mailbox}/addin/${event.id}/pane`);
  await page.getByText('1. Velkomst og præsentationsrunde').waitFor();
  times.push(await page.evaluate(() => performance.now()));
  await context.close();
}
times.sort((a, b) => a - b);
console.log(
  `add-in JavaScript on first load: ${(first / 1024).toFixed(1)} KB gzip  goal ≤ 120 KB gzip; with MSAL's on-demand chunk ${(all / 1024).toFixed(1)} KB`,
);
console.log(
  `time to ready (agenda shown in the pane), headless Chromium, localhost: median ${times[3]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times[6]!.toFixed(0)} ms`,
);
await browser.close();
await app.close();
await db.close();
