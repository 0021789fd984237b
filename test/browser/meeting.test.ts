import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { conversationWithAgendaSent, lead, planBody, startTestApp, waitFor, type TestApp } from '../support/test-app.js';
import { accessibilityViolations, launchBrowser, shoot } from '../support/browser.js';

/**
 * The app in the Teams meeting, in the sandbox's meeting view: the live agenda
 * in two participants' side panels and on the stage, in step with each other.
 */
let app: TestApp;
let browser: Browser;
let facilitatorPage: Page;
let participantPage: Page;
let id = '';
const facilitator = 'jonas.kjaer@sohavn.example';
const participant = 'camilla.bro@sohavn.example';

beforeAll(async () => {
  app = await startTestApp();
  id = await conversationWithAgendaSent(app, [
    { upn: facilitator, role: 'facilitator' },
    { upn: participant, role: 'participant' },
  ]);
  await app.runner.drain();
  browser = await launchBrowser();
  facilitatorPage = await (await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'da-DK' })).newPage();
  participantPage = await (await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'da-DK' })).newPage();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    await shoot(facilitatorPage, `failed-meeting-facilitator-${task.name.slice(0, 2).replace(/\W/g, '')}`);
    await shoot(participantPage, `failed-meeting-participant-${task.name.slice(0, 2).replace(/\W/g, '')}`);
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const panel = (page: Page) => page.frameLocator('iframe[data-frame-context="sidePanel"]');
const stage = (page: Page) => page.frameLocator('iframe[data-frame-context="meetingStage"]');
const joinUrl = () => app.sandbox!.state.meetingChats.find((c) => c.tabs.some((t) => t.entityId === id))!.joinUrl;

describe('the app in the Teams meeting', () => {
  it('1. the side panel opens on the live agenda for each participant, the controls only for the facilitator', async () => {
    await facilitatorPage.goto(`${joinUrl()}&as=${facilitator}`);
    await participantPage.goto(`${joinUrl()}&as=${participant}`);
    for (const page of [facilitatorPage, participantPage]) {
      await panel(page).getByRole('heading', { name: 'Dagsorden – Bakkeskolen' }).waitFor();
      await panel(page).getByText('Ikke startet').waitFor();
    }
    await panel(facilitatorPage).getByRole('button', { name: 'Start mødet' }).waitFor();
    expect(await panel(participantPage).getByRole('button', { name: 'Start mødet' }).count()).toBe(0);
    expect(await accessibilityViolations(participantPage)).toEqual([]);
  });

  it('2. the facilitator starts and moves on; the other panel follows within a second', async () => {
    await panel(facilitatorPage).getByRole('button', { name: 'Start mødet' }).click();
    const pressed = Date.now();
    await panel(participantPage).getByText('I gang').waitFor({ timeout: 5000 });
    expect(Date.now() - pressed).toBeLessThan(1000);
    await panel(participantPage).getByTestId('current-item').getByText('Punkt 1 af 7').waitFor();
    await panel(facilitatorPage).getByRole('button', { name: 'Næste punkt' }).click();
    const moved = Date.now();
    await panel(participantPage).getByTestId('current-item').getByText('Punkt 2 af 7').waitFor({ timeout: 5000 });
    expect(Date.now() - moved).toBeLessThan(1000);
    await panel(participantPage)
      .getByTestId('next-item')
      .getByText(/Næste: Præsentation af data/)
      .waitFor();
    await shoot(participantPage, '50-meeting-side-panel');
  });

  it('3. the facilitator shares the agenda to the stage; everyone’s stage shows the item and its clock', async () => {
    await panel(facilitatorPage).getByRole('button', { name: 'Vis på mødeskærmen' }).click();
    for (const page of [facilitatorPage, participantPage]) {
      await stage(page).getByTestId('stage').waitFor({ timeout: 5000 });
      await stage(page)
        .getByRole('heading', { name: /Punkt 2 af 7: Rammesætning/ })
        .waitFor();
    }
    await panel(facilitatorPage).getByRole('button', { name: 'Næste punkt' }).click();
    const moved = Date.now();
    await stage(participantPage)
      .getByRole('heading', { name: /Punkt 3 af 7/ })
      .waitFor({ timeout: 5000 });
    expect(Date.now() - moved).toBeLessThan(1000);
    await shoot(participantPage, '51-meeting-stage');
  });

  it('4. fits the 320 px side panel with no serious accessibility findings', async () => {
    const narrow = await (await browser.newContext({ viewport: { width: 320, height: 800 }, locale: 'da-DK' })).newPage();
    await narrow.goto(`${app.url}/sandbox`); // sign-in is the host's; the tab itself at 320 px:
    await narrow.goto(`${joinUrl()}&as=${facilitator}`);
    await panel(narrow).getByRole('heading', { name: 'Dagsorden – Bakkeskolen' }).waitFor();
    const frame = narrow.frames().find((f) => f.url().includes('#/meeting/'))!;
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(narrow)).toEqual([]);
  });

  it('5. ending the call tells the bot, and the live agenda stops with what each item took', async () => {
    await facilitatorPage.getByRole('button', { name: 'Afslut opkaldet' }).click();
    const run = await waitFor(async () => {
      const [row] = await app.db.query<{ state: any }>('select state from meeting_runs where conversation_id = $1', [id]);
      return row?.state.status === 'ended' && row.state;
    });
    expect(run.actuals.data.startedAt).toBeTruthy();
    await panel(participantPage).getByText('Afsluttet').waitFor();
  });

  it('6. a meeting without the app: the configuration page picks the conversation, and Save adds the live agenda', async () => {
    // Planned, agenda not sent: the meeting exists in Teams, the app is not in it yet.
    const asLead = await app.as(lead);
    const planned = await asLead('POST', '/conversations', planBody({ schoolId: 'fjordskolen' }));
    await app.runner.drain();
    const event = app.sandbox!.state.events.find((e) => e.transactionId === planned.body.id)!;
    const chat = app.sandbox!.state.meetingChats.find((c) => c.eventId === event.id)!;
    expect(chat.tabs).toEqual([]);
    const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'da-DK' })).newPage();
    await page.goto(`${chat.joinUrl}&as=${lead}`);
    const settings = page.frameLocator('iframe[data-frame-context="settings"]');
    await settings.getByRole('heading', { name: 'Udviklingssamtale i mødet' }).waitFor();
    // The meeting's own conversation is chosen already (the meeting chat is linked to it).
    await expect.poll(() => settings.getByRole('combobox', { name: 'Samtale' }).inputValue()).toBe(planned.body.id);
    await page.getByRole('button', { name: 'Gem' }).click();
    await panel(page).getByRole('heading', { name: 'Dagsorden – Fjordskolen' }).waitFor({ timeout: 10_000 });
    expect(app.sandbox!.state.meetingChats.find((c) => c.id === chat.id)!.tabs.map((t) => t.entityId)).toEqual([planned.body.id]);
  });
});
