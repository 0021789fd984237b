/**
 * Tab benchmark: JavaScript size (minified and gzip) and time to ready in
 * headless Chromium (navigation start → the sign-in picker is interactive),
 * median of 7 cold loads. Prints figures; asserts nothing.
 * Needs `npm run build:tab` first and Debian's Chromium.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { startApp } from '../src/compose.js';
import { openPgliteDatabase } from '../src/store/pglite-database.js';

// What the first screen loads: the entry and the chunks it imports statically (pages opened later and MSAL come on demand).
const staticImports = (file: string): string[] =>
  [
    ...readFileSync(`dist/tab/${file}`, 'utf8').matchAll(
      /(?:^|[;}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/(?:\.\.\/)?(chunks\/[^"']+\.js)["']/g,
    ),
  ].map((m) => m[1]!);
const initial = new Set<string>(['app.js']);
for (const file of initial) for (const next of staticImports(file)) initial.add(next);
const files = [...initial];
const raw = files.reduce((sum, f) => sum + readFileSync(`dist/tab/${f}`).length, 0);
const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(`dist/tab/${f}`), { level: 9 }).length, 0);
const all = [
  'app.js',
  ...readdirSync('dist/tab/chunks')
    .filter((f) => f.endsWith('.js'))
    .map((f) => `chunks/${f}`),
];
const allGzip = all.reduce((sum, f) => sum + gzipSync(readFileSync(`dist/tab/${f}`), { level: 9 }).length, 0);

const db = await openPgliteDatabase();
const app = await startApp(loadConfig({ PORT: '0', ORGANISATION_FILE: 'config/organisation.local.json' }), { db, startJobs: false });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const times: number[] = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Log ind som Mette Lund' }).waitFor();
  times.push(await page.evaluate(() => performance.now()));
  await context.close();
}
times.sort((a, b) => a - b);
console.log(
  `tab JavaScript on first load: ${(raw / 1024).toFixed(0)} KB minified, ${(gzip / 1024).toFixed(1)} KB gzip (${files.length} files)  goal ≤ 200 KB gzip`,
);
console.log(`all chunks (plan and minutes pages, MSAL for Microsoft 365 sign-in): ${(allGzip / 1024).toFixed(1)} KB gzip`);
console.log(
  `time to ready (sign-in picker interactive), headless Chromium, localhost: median ${times[3]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times[6]!.toFixed(0)} ms`,
);
await browser.close();
await app.close();
await db.close();
