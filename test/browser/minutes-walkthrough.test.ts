import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, lead, leader, planBody, type TestApp } from '../support/test-app.js';
import { accessibilityViolations, launchBrowser, shoot } from '../support/browser.js';

let app: TestApp;
let browser: Browser;
let page: Page;
let clock = new Date('2026-11-22T10:00:00Z');
let id = '';

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  const asLead = await app.as(lead);
  const asLeader = await app.as(leader);
  id = (await asLead('POST', '/conversations', planBody())).body.id;
  await app.runner.drain();
  const c = (await asLeader('GET', `/conversations/${id}`)).body;
  await asLeader('PUT', `/conversations/${id}/school-part`, {
    version: c.version,
    developmentAreas: 'Pauserne',
    learningFocus: 'Hvordan bliver frikvarteret et læringsrum?',
    participants: [{ upn: 'peter.lind@sohavn.example', role: 'minuteTaker' }],
  });
  clock = new Date('2027-03-10T11:00:00Z'); // the meeting has been held
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' })).newPage();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shoot(page, `failed-minutes-${task.name.slice(0, 2).replace(/\W/g, '')}`);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the minutes editor in the browser', () => {
  it('1. the school leader opens the minutes from the conversation', async () => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Log ind som Anders Holm' }).click();
    await page.getByRole('link', { name: 'Åbn samtalen med Bakkeskolen' }).click();
    await page.getByRole('link', { name: 'Referat og notat' }).click();
    await page.getByRole('heading', { name: 'Referat – Bakkeskolen' }).waitFor();
  });

  it('2. highlights a test-result level in the public note and keeps approval closed', async () => {
    await page.getByLabel('4. Refleksion over data').fill('53 procent når Fremragende i læsning – drøftet fortroligt.');
    await page.getByRole('button', { name: 'Tilføj aftale' }).click();
    await page.getByLabel('Hvad').fill('Legepatrulje i indskolingen');
    await page.getByLabel('Ansvarlig (rolle eller navn)').fill('Skoleleder');
    await page
      .getByRole('textbox', { name: 'Notat til skolens hjemmeside' })
      .fill('Samtalen handlede om pauserne. I de nationale test når 53 procent af eleverne Fremragende.');
    await page.locator('mark[data-finding="testResultLevel"]', { hasText: '53' }).waitFor();
    await page.getByText(/Niveau fra de nationale test/).waitFor();
    expect(await page.getByRole('button', { name: 'Godkend og offentliggør' }).isDisabled()).toBe(true);
    await shoot(page, '11-minutes-guard-finding');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('2b. a CPR number can never be confirmed, and a name typed as an agreement’s owner must be', async () => {
    const note = page.getByRole('textbox', { name: 'Notat til skolens hjemmeside' });
    await note.fill('Eleven med cpr-nummer 010203-1234 er henvist til PPR.');
    const cpr = page.locator('li[data-severity="blocking"]', { hasText: 'CPR-nummer' });
    await cpr.waitFor();
    expect(await cpr.getByRole('checkbox').count()).toBe(0);
    await note.fill('Samtalen handlede om pauserne.');
    await page.getByLabel('Ansvarlig (rolle eller navn)').fill('Zainab fra 4.a');
    const owner = page.locator('li[data-severity="warning"]', { hasText: 'I aftale 1 (ansvarlig)' });
    await owner.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Godkend og offentliggør' }).isDisabled()).toBe(true);
    await shoot(page, '11b-minutes-owner-name');
    await page.getByLabel('Ansvarlig (rolle eller navn)').fill('Skoleleder');
    await owner.waitFor({ state: 'detached' });
  });

  it('3. approves once the sentence states the direction instead', async () => {
    await page
      .getByRole('textbox', { name: 'Notat til skolens hjemmeside' })
      .fill('Samtalen handlede om pauserne. Andelen af elever med resultatet Fremragende i de nationale test er steget.');
    await page.getByTestId('guard-clear').waitFor();
    await page.getByRole('button', { name: 'Godkend og offentliggør' }).click();
    // The last step shows exactly what becomes public, and asks.
    const confirm = page.getByTestId('publish-confirmation');
    await confirm.getByRole('heading', { name: 'Notatet bliver offentligt og sendes til alle deltagere' }).waitFor();
    expect(await page.getByTestId('publish-preview').textContent()).toContain('Andelen af elever med resultatet Fremragende');
    expect(await confirm.getByRole('cell', { name: 'Legepatrulje i indskolingen' }).count()).toBe(1);
    await shoot(page, '12a-minutes-publish-confirmation');
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Ja, godkend og offentliggør' }).click();
    await page.getByText('Referatet er godkendt.', { exact: false }).waitFor();
    await app.runner.drain();
    await page.reload();
    await page.getByTestId('public-link').waitFor();
    await shoot(page, '12-minutes-approved');
    const href = await page.getByTestId('public-link').getAttribute('href');
    await page.goto(href!);
    await page.getByRole('heading', { name: 'Notat fra skoleudviklingssamtalen' }).waitFor();
    expect(await page.content()).not.toContain('53 procent');
    await shoot(page, '13-public-note');
  });
});
