import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lead, leader, planBody, startTestApp, waitFor, type TestApp } from '../support/test-app.js';
import { accessibilityViolations, launchBrowser, shoot } from '../support/browser.js';

/** The work that fills a municipality's ordinary week: nothing typed lost, people invited the way they are. */
let app: TestApp;
let browser: Browser;
let page: Page;
let id = '';
let fjord = '';

beforeAll(async () => {
  app = await startTestApp();
  const asLead = await app.as(lead);
  const asLeader = await app.as(leader);
  id = (await asLead('POST', '/conversations', planBody())).body.id;
  await waitFor(async () => (await asLeader('GET', `/conversations/${id}`)).body.status === 'invited');
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' })).newPage();
  page.on('dialog', (dialog) => void dialog.accept());
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await shoot(page, `failed-everyday-${task.name.slice(0, 2).replace(/\W/g, '')}`);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signInAs = async (name: string) => {
  // A fresh session: the sign-in picker, then the person.
  await page.goto(app.url);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: `Log ind som ${name}` }).click();
  await page.getByText(`Logget ind som ${name}`).waitFor();
};

describe('everyday work in the browser', () => {
  it('1. keeps what the school leader typed through a reload, and says it was put back', async () => {
    await signInAs('Anders Holm');
    await page.getByRole('link', { name: 'Åbn samtalen med Bakkeskolen' }).click();
    await page.getByLabel('Udviklingsområder').fill('Pauserne som relationsrum – skrevet, men ikke gemt.');
    await page.getByText(/Kladde gemt kl\./).waitFor();
    await page.reload();
    await page.getByText(/Dine ikke-gemte ændringer fra .* er sat ind igen/).waitFor();
    expect(await page.getByLabel('Udviklingsområder').inputValue()).toBe('Pauserne som relationsrum – skrevet, men ikke gemt.');
    await shoot(page, '20-draft-restored');
  });

  it('2. invites people: someone already added shows as added, a guest by e-mail, focus on the new row', async () => {
    const finder = page.getByRole('searchbox', { name: 'Find person' });
    await finder.fill('Jonas');
    await page.getByRole('button', { name: /Tilføj Jonas Kjær/ }).click();
    // Focus goes to the new person's role, not to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Rolle for Jonas Kjær');
    await finder.fill('Jonas');
    await page.getByText('Jonas Kjær er allerede tilføjet').waitFor();
    await finder.fill('rikke@udvikling.example');
    await page.getByRole('button', { name: 'Inviter rikke@udvikling.example som gæst udefra' }).click();
    await page.getByLabel('Navn på gæsten rikke@udvikling.example').fill('Rikke Holst');
    await page.getByLabel('Rolle for Rikke Holst').selectOption('facilitator');
    expect(await page.locator('[data-invitee="rikke@udvikling.example"]').textContent()).toContain('Ikke inviteret endnu');
    await page.getByLabel('Læringsfokus').fill('Hvordan bliver frikvarteret et læringsrum?');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send dagsorden' }).click();
    await page.getByText('Dagsordenen er sendt til alle deltagere.').waitFor();
    await waitFor(async () => app.sandbox!.state.events.find((e) => e.transactionId === id)?.attendees.length === 3);
    const attendees = app.sandbox!.state.events.find((e) => e.transactionId === id)!.attendees.map((a) => a.emailAddress.address);
    expect(attendees).toContain('rikke@udvikling.example');
    await shoot(page, '21-guest-invited');
  });
});

describe('moving a conversation in the browser', () => {
  it('3. the municipal lead moves the meeting and adds a follow-up item; every invitee gets the update', async () => {
    await signInAs('Mette Lund');
    await page.getByRole('link', { name: 'Åbn samtalen med Bakkeskolen' }).click();
    await page.getByRole('button', { name: 'Flyt eller ret samtalen' }).click();
    await page.getByRole('heading', { name: 'Flyt eller ret samtalen med Bakkeskolen' }).waitFor();
    await page.getByLabel('Dato').fill('2027-03-24');
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    // Focus goes to the new item's title.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null)).toBe('');
    await page.keyboard.type('Opfølgning på sidste års aftaler');
    await page.getByRole('button', { name: 'Detaljer for punkt 8' }).click();
    await page.getByRole('checkbox', { name: 'Opfølgning på tidligere samtaler' }).check();
    await page.getByRole('button', { name: /Flyt punkt 8 \(Opfølgning på sidste års aftaler\) op/ }).click();
    await page.getByText('Punkterne er 10 min. for lange: de fylder 130 min., mødet varer 120 min.').waitFor();
    await page.getByRole('button', { name: 'Fordel forskellen på punkterne' }).click();
    await page.getByText('I alt 120 af 120 min.').waitFor();
    await shoot(page, '22-move-conversation');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem og opdatér invitationen' }).click();
    await page.getByRole('heading', { name: 'Samtale med Bakkeskolen' }).waitFor();
    await page.getByText(/onsdag den 24\. marts 2027/).waitFor();
    await app.runner.drain();
    const state = app.sandbox!.state;
    const organiser = state.events.filter((e) => e.transactionId === id);
    expect(organiser).toHaveLength(1);
    for (const invitee of ['anders.holm@sohavn.example', 'jonas.kjaer@sohavn.example']) {
      const update = state.messages.filter((m) => m.mailbox === invitee && m.kind === 'meetingUpdate').at(-1);
      expect(update, invitee).toBeDefined();
      const copy = state.events.find((e) => e.meetingId === organiser[0]!.id && e.mailbox === invitee)!;
      expect(copy.start.dateTime).toBe('2027-03-24T09:00:00');
      expect(copy.body.content).toContain('Opfølgning på sidste års aftaler');
      expect(copy.body.content).toContain('Deltag i mødet nu');
    }
    expect(state.driveItems.filter((i) => i.name === 'Dagsorden.docx')).toHaveLength(1);
    await page.locator('[data-requirement="followUp"][data-status="met"]').waitFor();
  });
});

describe('the § 40 a checklist in the browser', () => {
  it('4. says what to do for a missing requirement and offers "ikke relevant – første samtale"', async () => {
    const asLead = await app.as(lead);
    const other = await asLead(
      'POST',
      '/conversations',
      planBody({ schoolId: 'fjordskolen', startsAt: '2027-04-20T07:00:00Z', endsAt: '2027-04-20T09:00:00Z' }),
    );
    fjord = other.body.id;
    await signInAs('Mette Lund');
    await page.goto(`${app.url}/#/conversations/${other.body.id}`);
    const followUp = page.locator('[data-requirement="followUp"]');
    await followUp.getByText('Tilføj et punkt om opfølgning på sidste års samtale – eller markér').waitFor();
    expect(await followUp.getByRole('link', { name: 'Ret dagsordenens punkter' }).getAttribute('href')).toBe(
      `#/conversations/${other.body.id}/edit`,
    );
    await followUp.getByRole('button', { name: 'Ikke relevant – første samtale' }).click();
    await page.locator('[data-requirement="followUp"][data-status="notApplicable"]').waitFor();
    await followUp.getByText('Det er skolens første samtale, så der er intet at følge op på.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, '23-first-conversation');
    await followUp.getByRole('button', { name: 'Fortryd: det er ikke skolens første samtale' }).click();
    await page.locator('[data-requirement="followUp"][data-status="missing"]').waitFor();
  });
});

describe('the next step and a cancelled conversation in the browser', () => {
  it('5. opens the school leader on the school’s part, with the cycle as steps', async () => {
    await signInAs('Sofie Berg');
    await page.goto(`${app.url}/#/conversations/${fjord}`);
    const next = page.locator('[data-next-step="leaderSchoolPart"]');
    await next.getByText(/Udfyld skolens del .* og send dagsordenen senest tirsdag den 13\. april 2027\./).waitFor();
    expect(await page.locator('[aria-current="step"]').getAttribute('data-step')).toBe('planned');
    await next.getByRole('button', { name: 'Gå til skolens del' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('section-schoolPart');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, '24-next-step-school-leader');
  });

  it('6. cancels with a message; the page reads as cancelled and offers to plan anew for the school', async () => {
    await signInAs('Mette Lund');
    await page.goto(`${app.url}/#/conversations/${fjord}`);
    await page.getByRole('button', { name: 'Aflys samtale' }).click();
    await page.getByLabel('Besked til deltagerne (valgfri)').fill('Vi finder en ny dato efter påske.');
    await page.getByRole('button', { name: 'Ja, aflys' }).click();
    const notice = page.getByTestId('cancelled');
    await notice.getByText('Samtalen er aflyst').first().waitFor();
    await notice.getByText('Besked til deltagerne: Vi finder en ny dato efter påske.').waitFor();
    // No deadline, no meeting link, no forms.
    expect(await page.getByText('Frist for dagsorden og datapakke').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Deltag i Teams-møde' }).count()).toBe(0);
    expect(await page.locator('#section-schoolPart').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, '25-cancelled');
    await app.runner.drain();
    const cancellation = app.sandbox!.state.messages.find(
      (m) => m.mailbox === 'sofie.berg@sohavn.example' && m.kind === 'meetingCancelled',
    );
    expect(cancellation?.bodyHtml).toContain('Vi finder en ny dato efter påske.');
    await notice.getByRole('button', { name: 'Planlæg ny samtale' }).click();
    await page.getByRole('heading', { name: 'Plan samtale' }).waitFor();
    expect(await page.getByLabel('Skole').inputValue()).toBe('fjordskolen');
  });
});

describe('the data package in the browser', () => {
  it('7. checks each file, offers a cleaned name, asks before replacing, removes from SharePoint', async () => {
    await signInAs('Anders Holm');
    await page.goto(`${app.url}/#/conversations/${id}`);
    const input = page.getByLabel('Tilføj filer');
    await input.setInputFiles([
      { name: 'Trivsel 2026.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(6_000_000, 1) },
      { name: 'opdatering.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
      { name: 'Fravær: 4.a?.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('fravær') },
    ]);
    await page.locator('[data-file-issue="opdatering.exe"]').getByText('„opdatering.exe“ er en .exe-fil').waitFor();
    const badName = page.locator('[data-file-issue="Fravær: 4.a?.xlsx"]');
    await badName.getByText('indeholder tegn, SharePoint ikke tillader').waitFor();
    const trivsel = page.locator('[data-document="Trivsel 2026.pdf"]');
    await trivsel.getByText('5,7 MB').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, '26-data-package-checks');
    await badName.getByRole('button', { name: 'Læg op som „Fravær 4.a.xlsx“' }).click();
    await page.locator('[data-document="Fravær 4.a.xlsx"]').waitFor();
    await page.locator('[data-file-issue="opdatering.exe"]').getByRole('button', { name: 'Spring over' }).click();

    // The same name again: asked, not overwritten.
    await input.setInputFiles({ name: 'trivsel 2026.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 ny') });
    const exists = page.locator('[data-file-issue="trivsel 2026.pdf"]');
    await exists.getByText('Der er allerede en fil med navnet „Trivsel 2026.pdf“').waitFor();
    await exists.getByRole('button', { name: 'Erstat den' }).click();
    await trivsel.getByText('1 kB').waitFor();

    await app.runner.drain();
    expect(app.sandbox!.state.driveItems.some((i) => i.name === 'Fravær 4.a.xlsx')).toBe(true);
    await page.getByRole('button', { name: 'Fjern Fravær 4.a.xlsx' }).click();
    await page.getByRole('button', { name: 'Ja, fjern' }).click();
    await page.locator('[data-document="Fravær 4.a.xlsx"]').waitFor({ state: 'detached' });
    await app.runner.drain();
    expect(app.sandbox!.state.driveItems.some((i) => i.name === 'Fravær 4.a.xlsx')).toBe(false);
    const organiser = app.sandbox!.state.events.find((e) => e.transactionId === id)!;
    expect(organiser.body.content).toContain('Trivsel 2026.pdf');
    expect(organiser.body.content).not.toContain('Fravær 4.a.xlsx');
  });
});

describe('the meeting side panel width', () => {
  it('8. fits 320 px: the language selector in view, one very long word wraps, nothing scrolls sideways', async () => {
    const asLeader = await app.as(leader);
    const c = (await asLeader('GET', `/conversations/${id}`)).body;
    const saved = await asLeader('PUT', `/conversations/${id}/school-part`, {
      version: c.version,
      developmentAreas: 'æ'.repeat(3000),
      learningFocus: c.learningFocus,
      participants: c.participants.filter((p: any) => !['municipalLead', 'schoolLeader'].includes(p.role)),
    });
    expect(saved.status).toBe(200);
    const narrow = await (await browser.newContext({ viewport: { width: 320, height: 800 }, locale: 'da-DK' })).newPage();
    await narrow.goto(app.url);
    await narrow.getByRole('button', { name: 'Log ind som Mette Lund' }).click();
    await narrow.goto(`${app.url}/#/conversations/${id}`);
    await narrow.getByRole('heading', { name: 'Samtale med Bakkeskolen' }).waitFor();
    const language = (await narrow.getByLabel('Sprog').boundingBox())!;
    expect(language.x + language.width).toBeLessThanOrEqual(320);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shoot(narrow, '27-side-panel-320');
    await narrow.close();
  });
});
