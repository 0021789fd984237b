import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { conversationWithAgendaSent, startTestApp, waitFor, type ApiCaller, type TestApp } from '../support/test-app.js';
import { launchBrowser, shoot } from '../support/browser.js';

/**
 * The bot in Microsoft's own local client, the Microsoft 365 Agents Playground
 * (@microsoft/m365agentsplayground), scripted through its web UI: "hjælp",
 * "mine samtaler", and answering a reflection card. The playground plays
 * Teams and its Bot Connector; its mock user is the sandbox's Camilla Bro
 * (playground/.m365agentsplayground.yml). The playground stamps every
 * activity with locale en-US, so the bot answers in English here: the second
 * locale gets its run through Microsoft's client too. Run alone: npm run test:playground
 */
const playgroundDir = fileURLToPath(new URL('../../playground/', import.meta.url));
const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

let app: TestApp;
let playground: ChildProcess;
let playgroundUrl = '';
let browser: Browser;
let page: Page;
let asFacilitator: ApiCaller;
let conversationId = '';

beforeAll(async () => {
  app = await startTestApp();
  playground = spawn(process.execPath, [cli, '-e', `${app.url}/api/messages`, '-c', 'msteams', '-p', '0', '--dt'], {
    cwd: playgroundDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  playground.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  playground.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await waitFor(async () => /Listening on (\d+)/.exec(output)?.[1], 30_000).catch(() => {
    throw new Error(`The Agents Playground did not start: ${output}`);
  });
  playgroundUrl = `http://localhost:${port}`;
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' })).newPage();
  await page.goto(playgroundUrl);
  // The playground installs the app for Camilla when it connects; her chat reference now points at its connector.
  await page.getByText('conversationUpdate', { exact: false }).first().waitFor({ timeout: 30_000 });
  asFacilitator = await app.as('jonas.kjaer@sohavn.example');
  conversationId = await conversationWithAgendaSent(app, [
    { upn: 'jonas.kjaer@sohavn.example', role: 'facilitator' },
    { upn: 'camilla.bro@sohavn.example', role: 'participant' },
  ]);
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shoot(page, `failed-playground-${task.name.slice(0, 2).replace(/\W/g, '')}`);
});
afterAll(async () => {
  await browser?.close();
  playground?.kill();
  await app?.stop();
});

// The playground's compose box is a Lexical editor (a contenteditable textbox).
const composer = () => page.locator('[data-lexical-editor="true"]').first();
async function say(text: string) {
  await composer().click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('the bot in the Microsoft 365 Agents Playground', () => {
  it('1. answers "hjælp" with what it can do (in English, the playground’s locale)', async () => {
    await say('hjælp');
    await page.getByText('your upcoming conversations with links', { exact: false }).first().waitFor({ timeout: 20_000 });
  });

  it('2. lists "mine samtaler" with the conversation Camilla is invited to', async () => {
    await say('mine samtaler');
    await page.getByText('Your upcoming conversations', { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.getByText('Bakkeskolen', { exact: false }).first().waitFor();
    await shoot(page, '16-playground-commands');
  });

  it('3. delivers a reflection card into the playground chat and takes Camilla’s answer through Action.Execute', async () => {
    const started = await asFacilitator('POST', `/conversations/${conversationId}/reflection-rounds`, { itemKey: 'reflection' });
    expect(started.status).toBe(201);
    await page.getByText('Reflection round: Refleksion over data', { exact: false }).first().waitFor({ timeout: 30_000 });
    const answer = 'Vi skal se på, hvem der bruger skolegården.';
    const field = page.getByRole('textbox', { name: /Your answer/ }).last();
    await field.fill(answer);
    await page.getByRole('button', { name: 'Send answer' }).last().click();
    await page.getByText('Answer received', { exact: false }).first().waitFor({ timeout: 20_000 });
    await shoot(page, '17-playground-reflection-answered');

    const rounds = (await asFacilitator('GET', `/conversations/${conversationId}/reflection-rounds`)).body.rounds;
    expect(rounds[0].answeredCount).toBe(1);
    const revealed = await asFacilitator('POST', `/conversations/${conversationId}/reflection-rounds/${started.body.roundId}/reveal`, {
      version: rounds[0].version,
    });
    expect(revealed.body.rounds[0].answers).toEqual([expect.objectContaining({ upn: 'camilla.bro@sohavn.example', text: answer })]);
  });
});
