import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { conversationWithAgendaSent, startTestApp, waitFor, type TestApp } from '../support/test-app.js';
import { accessibilityViolations, launchBrowser, shoot } from '../support/browser.js';

let app: TestApp;
let browser: Browser;
let tab: Page;
let chat: Page;
let id = '';
const answer = 'Frikvarteret bliver et læringsrum, når de voksne er til stede og legene er planlagt.';

beforeAll(async () => {
  app = await startTestApp();
  id = await conversationWithAgendaSent(app, [
    { upn: 'jonas.kjaer@sohavn.example', role: 'facilitator' },
    { upn: 'camilla.bro@sohavn.example', role: 'participant' },
  ]);
  await waitFor(async () => app.sandbox!.state.chats.length === 4);
  await app.runner.drain();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
  tab = await context.newPage();
  chat = await context.newPage();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    await shoot(tab, `failed-reflection-tab-${task.name.slice(0, 2).replace(/\W/g, '')}`);
    await shoot(chat, `failed-reflection-chat-${task.name.slice(0, 2).replace(/\W/g, '')}`);
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a reflection round between the tab and Teams chat, in the browser', () => {
  it('1. the facilitator starts a round on an agenda item in the tab', async () => {
    await tab.goto(app.url);
    await tab.getByRole('button', { name: 'Log ind som Jonas Kjær' }).click();
    await tab.getByRole('link', { name: 'Åbn samtalen med Bakkeskolen' }).click();
    await tab.getByRole('button', { name: /^Start refleksionsrunde: 4\./ }).click();
    // The meeting is months away (real clock): the tab asks before sending cards to everyone now.
    await tab
      .getByTestId('round-early')
      .getByText(/Mødet begynder først .* får alle deltagerne spørgsmålet/)
      .waitFor();
    await tab.getByRole('button', { name: 'Start runden alligevel' }).click();
    await tab.getByText('0 af 4 har svaret', { exact: false }).waitFor();
    expect(await tab.getByRole('button', { name: /^Start refleksionsrunde: 4\./ }).isDisabled()).toBe(true);
  });

  it('2. a participant answers the card in her sandbox Teams chat; the card says "Svar modtaget"', async () => {
    await chat.goto(`${app.url}/sandbox/chat/camilla.bro@sohavn.example`);
    await chat.getByText('Refleksionsrunde: Refleksion over data', { exact: false }).waitFor();
    await chat.getByRole('textbox', { name: 'Dit svar' }).fill(answer);
    await chat.getByRole('button', { name: 'Send svar' }).click();
    await chat.getByText('Svar modtaget', { exact: false }).first().waitFor();
    await shoot(chat, '14-chat-reflection-answered');
    expect(await accessibilityViolations(chat)).toEqual([]);
  });

  it('3. the facilitator sees who answered, reveals, and the answer appears in the speaking order', async () => {
    await tab.getByText('1 af 4 har svaret', { exact: false }).waitFor({ timeout: 15_000 });
    await tab.getByText('Mangler svar fra:', { exact: false }).waitFor();
    expect(await tab.content()).not.toContain(answer);
    await tab.getByRole('button', { name: 'Vis svar' }).click();
    const order = tab.getByRole('list', { name: 'Taleorden' });
    await order.getByText(answer).waitFor();
    expect(await order.getByRole('listitem').count()).toBe(4);
    await shoot(tab, '15-tab-reflection-revealed');
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('4. closing the round redraws the card in chat as closed', async () => {
    await tab.getByRole('button', { name: 'Luk runden' }).click();
    await tab.getByTestId('round-status').getByText('Lukket').waitFor();
    await app.runner.drain();
    await chat.getByText('Runden er lukket.', { exact: false }).waitFor({ timeout: 15_000 });
    expect(id).toBeTruthy();
  });
});
