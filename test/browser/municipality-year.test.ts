import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { accessibilityViolations, launchBrowser, shoot } from '../support/browser.js';

/** The municipal lead plans the season in one go, follows the year, and saves the committee's briefing. */
let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' })).newPage();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Log ind som Mette Lund' }).click();
  await page.getByRole('heading', { name: 'Skoleudviklingssamtaler' }).waitFor();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shoot(page, `failed-year-${task.name.slice(0, 2).replace(/\W/g, '')}`);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the municipality’s year in the browser', () => {
  it('1. proposes a slot for every school from the calendars; the lead moves one and plans them all', async () => {
    await page.getByRole('button', { name: 'Planlæg sæsonen' }).click();
    await page.getByRole('heading', { name: 'Planlæg sæsonen' }).waitFor();
    await page.getByLabel('Fra').fill('2027-01-11');
    await page.getByLabel('Til').fill('2027-01-22');
    await page.getByRole('button', { name: 'Foreslå tidspunkter' }).click();
    await page.getByRole('heading', { name: 'Forslag for skoleåret 2026/27' }).waitFor();
    expect(await page.locator('tr[data-school]').count()).toBe(3);
    // The lead moves Fjordskolen to a later day.
    await page.getByLabel('Dato for Fjordskolen').fill('2027-01-20');
    await page.getByLabel('Starttidspunkt for Fjordskolen').fill('12:30');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, '60-season-proposal');
    await page.getByRole('button', { name: 'Planlæg 3 samtaler' }).click();
    for (const school of ['bakkeskolen', 'fjordskolen', 'skovbrynet'])
      await page
        .locator(`[data-testid="season-progress"] li[data-school="${school}"]`)
        .getByText('invitation, mappe og dagsorden er klar')
        .waitFor({ timeout: 30_000 });
    const fjord = app.sandbox!.state.events.find((e) => e.isOrganizer && e.subject.includes('Fjordskolen'))!;
    expect(fjord.start.dateTime.slice(0, 16)).toBe('2027-01-20T12:30');
    await shoot(page, '61-season-planned');
  });

  it('2. the annual cycle shows each school’s state, and the briefing is saved to SharePoint', async () => {
    await page.getByRole('button', { name: 'Til årshjulet' }).click();
    await page.getByRole('heading', { name: 'Årshjulet 2026/27' }).waitFor();
    expect(await page.locator('tr[data-school]').count()).toBe(3);
    await page.getByRole('heading', { name: 'Orientering til det politiske udvalg' }).waitFor();
    await page.getByTestId('briefing-summary').getByText('3 af 3 skoler har en samtale').waitFor();
    await page.getByTestId('chart').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem orienteringen i SharePoint' }).click();
    await page.getByTestId('briefing-versions').getByText('Version 1').waitFor();
    await app.runner.drain();
    await page.reload();
    await page.getByTestId('briefing-versions').getByRole('link', { name: 'Åbn i Word' }).waitFor();
    await shoot(page, '62-annual-cycle');
    expect(app.sandbox!.state.driveItems.some((i) => i.name === 'Orientering til udvalget 2026-27 v1.docx')).toBe(true);
  });
});
