import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { conversationWithAgendaSent, leader, startTestApp, type TestApp } from '../support/test-app.js';
import { accessibilityViolations, launchBrowser, shoot } from '../support/browser.js';
import { answerReflection } from '../../src/app/reflection/answer-reflection.js';

/** The minutes in an ordinary year: not before the meeting, nothing typed lost, revealed rounds offered, locked once approved. */
let app: TestApp;
let browser: Browser;
let page: Page;
let clock = new Date('2026-11-22T10:00:00Z');
let id = '';
const facilitator = 'jonas.kjaer@sohavn.example';

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  id = await conversationWithAgendaSent(app, [
    { upn: facilitator, role: 'facilitator' },
    { upn: 'peter.lind@sohavn.example', role: 'minuteTaker' },
  ]);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' })).newPage();
  page.on('dialog', (dialog) => void dialog.accept());
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shoot(page, `failed-minutes-everyday-${task.name.slice(0, 2).replace(/\W/g, '')}`);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the minutes in an ordinary year', () => {
  it('1. says when the minutes open, before the meeting, and lets nobody write yet', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Log ind som Anders Holm' }).click();
    await page.goto(`${app.url}/#/conversations/${id}/minutes`);
    await page
      .getByTestId('minutes-not-open')
      .getByText(/Referatet åbner, når mødet begynder onsdag den 10\. marts 2027, kl\. 09:00/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Gem referat' }).count()).toBe(0);
  });

  it('2. offers a revealed round’s answers under its item, in speaking order', async () => {
    clock = new Date('2027-03-10T08:40:00Z'); // during the meeting
    const asFacilitator = await app.as(facilitator);
    const started = await asFacilitator('POST', `/conversations/${id}/reflection-rounds`, { itemKey: 'reflection' });
    expect(started.status).toBe(201);
    await answerReflection(app.ctx, leader, started.body.roundId, 'Vi ser flere konflikter i 4. klasse.');
    await answerReflection(app.ctx, facilitator, started.body.roundId, 'Data peger på frikvartererne.');
    const round = (await asFacilitator('GET', `/conversations/${id}/reflection-rounds`)).body.rounds[0];
    await asFacilitator('POST', `/conversations/${id}/reflection-rounds/${started.body.roundId}/reveal`, { version: round.version });

    await page.reload();
    expect(await page.getByTestId('minutes-not-open').count()).toBe(0);
    const draft = page.locator('[data-item="reflection"]').getByTestId('reflection-draft');
    await draft.getByText('Refleksionsrunde (2 svar):').waitFor();
    await draft.getByText(/Anders Holm: Vi ser flere konflikter i 4\. klasse\./).waitFor();
    await draft.getByRole('button', { name: 'Brug svarene i referatet' }).click();
    expect(await page.getByLabel('4. Refleksion over data').inputValue()).toContain('Jonas Kjær: Data peger på frikvartererne.');
  });

  it('3. keeps the minutes through a reload as a draft, and an empty agreement row never blocks saving', async () => {
    await page.getByLabel('1. Velkomst og præsentationsrunde').fill('Alle præsenterede sig.');
    await page.getByRole('button', { name: 'Tilføj aftale' }).click();
    await page.getByText(/Kladde gemt kl\./).waitFor();
    await page.reload();
    await page.getByText(/Dine ikke-gemte ændringer fra .* er sat ind igen/).waitFor();
    expect(await page.getByLabel('1. Velkomst og præsentationsrunde').inputValue()).toBe('Alle præsenterede sig.');
    // The empty row from "Tilføj aftale" is simply not saved.
    await page.getByRole('button', { name: 'Gem referat' }).click();
    await page.getByText('Referatet er gemt.').waitFor();
    expect(await page.locator('[data-agreement]').count()).toBe(0);
  });

  it('4. a half-filled agreement says what is missing next to the field; a past due date is pointed out', async () => {
    await page.getByRole('button', { name: 'Tilføj aftale' }).click();
    await page.getByLabel('Hvad').fill('Legepatrulje i indskolingen');
    await page.getByLabel('Frist').fill('2027-01-15');
    await page.getByText('Fristen er allerede overskredet – er datoen rigtig?').waitFor();
    await page.getByRole('button', { name: 'Gem referat' }).click();
    await page.getByText('Skriv, hvem der er ansvarlig (en rolle eller et navn).').waitFor();
    await page.getByText(/Nogle aftaler mangler/).waitFor();
    // No green "saved" beside the red problem.
    expect(await page.getByText('Referatet er gemt.').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Fjern aftale 1' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, '30-minutes-agreement-missing-owner');
    await page.getByLabel('Ansvarlig (rolle eller navn)').fill('Skoleleder');
    await page.getByLabel('Frist').fill('2027-06-15');
    await page.getByRole('button', { name: 'Gem referat' }).click();
    await page.getByText('Referatet er gemt.').waitFor();
  });

  it('5. the short summary takes decisions and agreements, never the internal notes; approved minutes are locked', async () => {
    await page.getByRole('button', { name: 'Indsæt kort resumé (beslutninger og aftaler)' }).click();
    const note = page.getByRole('textbox', { name: 'Notat til skolens hjemmeside' });
    expect(await note.inputValue()).toBe('Der blev aftalt:\n- Legepatrulje i indskolingen');
    expect(await note.inputValue()).not.toContain('konflikter');
    await page.getByRole('button', { name: 'Godkend og offentliggør' }).click();
    await page.getByRole('button', { name: 'Ja, godkend og offentliggør' }).click();
    await page.getByTestId('minutes-locked').getByText('Referatet er godkendt og låst.').waitFor();
    expect(await page.getByRole('button', { name: 'Gem referat' }).count()).toBe(0);
    expect(await note.getAttribute('readonly')).not.toBeNull();
    await shoot(page, '31-minutes-locked');
  });
});
