import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { conversationWithAgendaSent, lead, leader, startTestApp, type TestApp } from '../support/test-app.js';
import { accessibilityViolations, launchBrowser, shoot } from '../support/browser.js';
import { runChatSchedule } from '../../src/app/chat/run-chat-schedule.js';

/** The Outlook add-in in the sandbox's mailboxes: the same bundle Outlook loads, over the office.js stand-in. */
let app: TestApp;
let browser: Browser;
let page: Page;
let clock = new Date('2026-11-22T10:00:00Z');
let id = '';
const board = 'camilla.bro@sohavn.example';
const answer = 'Forældrene spørger til frikvartererne.';

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  id = await conversationWithAgendaSent(app, [{ upn: board, role: 'boardMember' }]);
  await app.runner.drain();
  browser = await launchBrowser();
  // Outlook's task pane is narrow: the page is as wide as pane and item together on a laptop.
  page = await (await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'da-DK' })).newPage();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shoot(page, `failed-addin-${task.name.slice(0, 2).replace(/\W/g, '')}`);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const pane = () => page.frameLocator('iframe[title="Udviklingssamtale"]');

describe('the Outlook add-in', () => {
  it('1. an invitee opens it on her copy of the invitation: agenda, her role’s question, documents, her answer', async () => {
    await page.goto(`${app.url}/sandbox/mail/${board}`);
    await page.getByRole('link', { name: 'Udviklingssamtale' }).first().click();
    await pane().getByRole('heading', { name: 'Samtale med Bakkeskolen' }).waitFor();
    await pane().getByText('Din rolle: Skolebestyrelsen').waitFor();
    await pane()
      .getByText(/Hvad er forældrenes perspektiv på skolens udviklingsområder/)
      .waitFor();
    // Only her role's questions: not the school leader's.
    expect(
      await pane()
        .getByText(/Formulér samtalens læringsfokus/)
        .count(),
    ).toBe(0);
    await pane().getByText('Refleksion over data').first().waitFor();
    await pane().getByRole('link', { name: 'Åbn dagsordenen (Word)' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, '40-addin-invitee');
  });

  it('2. she answers her question there; the tab shows it, and the bot does not ask again', async () => {
    await pane().getByRole('textbox').first().fill(answer);
    await pane().getByRole('button', { name: 'Gem svar' }).click();
    await pane().getByText('Dine svar er gemt. De ses også i Teams.').waitFor();
    const everyone = (await (await app.as(leader))('GET', `/conversations/${id}/preparation`)).body.answers;
    expect(everyone.find((a: any) => a.upn === board).answers.map((a: any) => a.answer)).toContain(answer);
    // Two days before the meeting the preparation cards go out; Camilla has answered everything, so none for her.
    clock = new Date('2027-03-08T12:00:00Z');
    await runChatSchedule(app.ctx);
    await app.runner.drain();
    const cards = (await (await fetch(`${app.url}/sandbox/chat/${board}/activities`)).json()).activities as { attachments?: unknown[] }[];
    expect(JSON.stringify(cards)).not.toContain('Forberedelse til samtalen');
    // A reload of the pane shows the saved answer.
    await page.reload();
    expect(await pane().getByRole('textbox').first().inputValue()).toBe(answer);
  });

  it('3. a meeting that is not one of ours says so politely', async () => {
    const event = app.sandbox!.state.events.find((e) => e.mailbox === board)!;
    const foreign = {
      ...structuredClone(event),
      id: 'foreign-meeting',
      meetingId: 'foreign-meeting',
      iCalUId: 'not-ours',
      transactionId: null,
    };
    app.sandbox!.state.events.push(foreign);
    await page.goto(`${app.url}/sandbox/mail/${board}/addin/foreign-meeting`);
    await pane().locator('[data-addin-phase="notOurs"]').waitFor();
    await pane().getByText('Mødet hører ikke til en skoleudviklingssamtale i Udviklingssamtale.').waitFor();
  });

  it('4. the organiser sees everyone’s answers, and a warning when the meeting’s length no longer fits the agenda', async () => {
    const organiser = app.sandbox!.state.events.find((e) => e.transactionId === id)!;
    await page.goto(`${app.url}/sandbox/mail/${organiser.mailbox}/addin/${organiser.id}`);
    await pane().getByRole('heading', { name: 'Samtale med Bakkeskolen' }).waitFor();
    await pane().locator(`[data-participant="${board}"]`).waitFor();
    expect(await pane().getByTestId('length-warning').count()).toBe(0);
    // The meeting is 09:00–11:00 in Copenhagen; the organiser moves the end to 11:30.
    await page.getByLabel('Slut').fill('11:30');
    await page.getByRole('button', { name: 'Ændr sluttidspunkt' }).click();
    await pane().getByText('Mødet varer 150 min., men dagsordenens punkter fylder kun 120 min. Mødet er 30 min. for langt.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, '41-addin-organiser');
  });

  it('5. the municipal lead makes a meeting made by hand in Outlook a conversation: the agenda goes into the form, the school leader is invited', async () => {
    await page.goto(`${app.url}/sandbox/mail/${lead}`);
    await page.getByText('Nyt Teams-møde').click();
    await page.getByLabel('Emne').fill('Samtale med Skovbrynet');
    await page.getByLabel('Dato').fill('2027-04-21');
    await page.getByLabel('Start').fill('09:00');
    await page.getByLabel('Slut').fill('11:00');
    await page.getByRole('button', { name: 'Opret møde' }).click();
    await pane().getByRole('heading', { name: 'Gør mødet til en skoleudviklingssamtale' }).waitFor();
    await pane()
      .getByRole('combobox', { name: /^Skole/ })
      .selectOption({ label: 'Skovbrynets Skole' });
    // A template that does not fit the meeting says how to make it fit, before anything is sent.
    await pane()
      .getByRole('combobox', { name: /^Dagsordensskabelon/ })
      .selectOption({ index: 0 });
    const options = await pane()
      .getByRole('combobox', { name: /^Dagsordensskabelon/ })
      .locator('option')
      .allTextContents();
    const misfit = options.findIndex((o) => o.includes('(115 min.)'));
    await pane()
      .getByRole('combobox', { name: /^Dagsordensskabelon/ })
      .selectOption({ index: misfit });
    await pane()
      .getByText(/afkort mødet med 5 min. i Outlook/)
      .waitFor();
    await pane()
      .getByLabel('Dagsordensskabelon')
      .selectOption({ index: options.findIndex((o) => o.includes('Aarhus')) });
    await pane()
      .getByRole('textbox', { name: /^Årets tema/ })
      .fill('Fællesskaber i frikvarteret');
    expect(await accessibilityViolations(page)).toEqual([]);
    await pane().getByRole('button', { name: 'Opret samtale og sæt dagsordenen ind' }).click();
    await pane().getByTestId('linked').waitFor({ timeout: 30_000 });
    await pane().getByRole('heading', { name: 'Samtale med Skovbrynets Skole' }).waitFor();
    // The open form now holds the agenda and the school leader; saving it keeps Teams' join block.
    await page.getByText('Mødet har ændringer, der ikke er gemt.').waitFor();
    await page.getByRole('button', { name: 'Gem og send opdatering' }).click();
    await page
      .getByTestId('attendees')
      .getByText(/karim\.nielsen@sohavn\.example/)
      .waitFor();
    const body = page.frameLocator('iframe[data-testid="meeting-body"]');
    await body.getByText('Fællesskaber i frikvarteret').waitFor();
    await body.getByText('Deltag i mødet nu').waitFor();
    await shoot(page, '42-addin-link-meeting');
  });
});
