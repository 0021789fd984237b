import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { conversationWithAgendaSent, startTestApp, type TestApp } from '../support/test-app.js';
import { accessibilityViolations, launchBrowser, shoot } from '../support/browser.js';
import { runChatSchedule } from '../../src/app/chat/run-chat-schedule.js';

/** Each role gets its own preparation questions in Teams chat (Holbæk's template names who each is for). */
let app: TestApp;
let browser: Browser;
let page: Page;
let clock = new Date('2026-11-22T10:00:00Z');
const pupil = 'camilla.bro@sohavn.example';
const board = 'peter.lind@sohavn.example';

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  await conversationWithAgendaSent(
    app,
    [
      { upn: pupil, role: 'pupilRepresentative' },
      { upn: board, role: 'boardMember' },
    ],
    // Holbæk's items fill 115 minutes; a longer goodbye makes them fill the two hours.
    { templateId: 'holbaek-2024', endsAt: '2027-03-10T10:00:00Z', itemMinutes: { thanks: 6 } },
  );
  clock = new Date('2027-03-08T12:00:00Z'); // two days before: the preparation cards go out
  await runChatSchedule(app.ctx);
  await app.runner.drain();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'da-DK' })).newPage();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shoot(page, `failed-preparation-${task.name.slice(0, 2).replace(/\W/g, '')}`);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('preparation per role in Teams chat', () => {
  it('1. the pupil council’s chair gets the pupils’ question, never the school leader’s', async () => {
    await page.goto(`${app.url}/sandbox/chat/${pupil}`);
    await page.getByText('Forberedelse til samtalen', { exact: false }).first().waitFor();
    await page.getByText('Hvad vil eleverne gerne have, at de voksne taler om', { exact: false }).first().waitFor();
    for (const notForPupils of [
      'Præsentér jeres fremsendte data',
      'Hvad er forældrenes perspektiv',
      'Hvad vil forvaltningen særligt have belyst',
    ]) {
      expect(await page.getByText(notForPupils, { exact: false }).count(), notForPupils).toBe(0);
    }
    // The welcome card came first.
    const texts = await page.locator('body').innerText();
    expect(texts.indexOf('Du er inviteret til skoleudviklingssamtalen')).toBeLessThan(texts.indexOf('Forberedelse til samtalen'));
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, '28-preparation-pupil');
  });

  it('2. the board member gets the parents’ perspective', async () => {
    await page.goto(`${app.url}/sandbox/chat/${board}`);
    await page.getByText('Hvad er forældrenes perspektiv', { exact: false }).first().waitFor();
    expect(await page.getByText('Hvad vil eleverne gerne have', { exact: false }).count()).toBe(0);
  });
});
