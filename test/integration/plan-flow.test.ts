import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { startTestApp, lead, leader, planBody, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
let asLead: ApiCaller;
let asLeader: ApiCaller;

beforeAll(async () => {
  app = await startTestApp();
  asLead = await app.as(lead);
  asLeader = await app.as(leader);
});
afterAll(() => app.stop());

const state = () => app.sandbox!.state;
const waitFor = async <T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe(`"Plan samtale" end to end (${databaseKind()})`, () => {
  let id: string;

  it('plans the conversation and reports each Microsoft 365 side effect as done within seconds', async () => {
    const response = await asLead('POST', '/conversations', planBody());
    expect(response.status).toBe(201);
    id = response.body.id;
    const done = await waitFor(async () => {
      const c = (await asLead('GET', `/conversations/${id}`)).body;
      return c.sideEffects.length === 3 && c.sideEffects.every((s: any) => s.status === 'done') && c;
    });
    expect(done.status).toBe('invited');
    // Teams' newer join links carry no chat id: the conversation is linked to the online meeting and its chat by Graph's ids.
    expect(done.links.join).toMatch(/\/sandbox\/teams\/meet\/\d{14}\?p=[0-9a-f]{12}$/);
    const [links] = await app.db.query<{ online_meeting_id: string; chat_thread_id: string }>(
      'select online_meeting_id, chat_thread_id from m365_links where conversation_id = $1',
      [id],
    );
    const chat = state().meetingChats.find((c) => c.joinUrl === done.links.join)!;
    expect(links).toEqual({ online_meeting_id: chat.onlineMeetingId, chat_thread_id: chat.id });
    expect(chat.installedApps).toEqual([]); // the app joins the meeting when the agenda is sent
    expect(done.agenda[0]).toMatchObject({ number: 1, startsAt: '2027-03-10T08:00:00.000Z' });
  });

  it('puts a Teams meeting in the organiser’s calendar and the invitation in the school leader’s mailbox', () => {
    const organizerEvents = state().events.filter((e) => e.mailbox === lead);
    expect(organizerEvents).toHaveLength(1);
    expect(organizerEvents[0]).toMatchObject({
      isOnlineMeeting: true,
      transactionId: id,
      start: { dateTime: '2027-03-10T09:00:00', timeZone: 'Romance Standard Time' },
    });
    const invitation = state().messages.find((m) => m.mailbox === leader && m.kind === 'meetingRequest');
    expect(invitation?.subject).toContain('Bakkeskolen');
    expect(invitation?.bodyHtml).toContain('Refleksion over data');
    expect(invitation?.bodyHtml).toContain('Omstillingsplanen');
  });

  it('stores the agenda .docx in a folder per school year / school / conversation', async () => {
    const agenda = state().driveItems.find((i) => i.name === 'Dagsorden.docx')!;
    const path: string[] = [];
    for (let current: typeof agenda | undefined = agenda; current; current = state().driveItems.find((i) => i.id === current!.parentId))
      path.unshift(current.name);
    expect(path.slice(0, 3)).toEqual(['Skoleudviklingssamtaler', '2026-27', 'Bakkeskolen']);
    // Named for the meeting's date and time, with no internal id.
    expect(path[3]).toBe('2027-03-10 kl. 09.00');
    const xml = await (await JSZip.loadAsync(state().readBlob(agenda.blob!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Samtale om samtalen');
  });

  it('lets the school leader describe the school’s part, invite people, add the data package and send the agenda', async () => {
    const before = (await asLeader('GET', `/conversations/${id}`)).body;
    expect(before.permissions.editSchoolPart).toBe(true);
    const saved = await asLeader('PUT', `/conversations/${id}/school-part`, {
      version: before.version,
      developmentAreas: 'Pauserne som relationsrum',
      learningFocus: 'Hvordan bliver frikvarteret et læringsrum?',
      participants: [
        { upn: 'jonas.kjaer@sohavn.example', role: 'facilitator' },
        { upn: 'peter.lind@sohavn.example', role: 'minuteTaker' },
        { upn: 'camilla.bro@sohavn.example', role: 'participant' },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.participants.map((p: any) => p.displayName)).toEqual([
      'Mette Lund',
      'Anders Holm',
      'Jonas Kjær',
      'Peter Lind',
      'Camilla Bro',
    ]);

    const upload = await asLeader('POST', `/conversations/${id}/documents`, new TextEncoder().encode('Trivselsmåling 2026'), {
      'Content-Type': 'text/plain',
      'X-File-Name': encodeURIComponent('Datapakke – trivsel.txt'),
    });
    expect(upload.status).toBe(201);

    const sent = await asLeader('POST', `/conversations/${id}/send-agenda`, { version: saved.body.version });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('agendaSent');
    expect(sent.body.deadline.status).toBe('met');

    await waitFor(async () => (await asLeader('GET', `/conversations/${id}`)).body.sideEffects.every((s: any) => s.status === 'done'));
    const event = state().events.find((e) => e.mailbox === lead)!;
    expect(event.attendees.map((a) => a.emailAddress.address)).toEqual([
      'anders.holm@sohavn.example',
      'jonas.kjaer@sohavn.example',
      'peter.lind@sohavn.example',
      'camilla.bro@sohavn.example',
    ]);
    expect(event.body.content).toContain('Hvordan bliver frikvarteret et læringsrum?');
    expect(event.body.content).toContain('Datapakke – trivsel.txt</a>');
    expect(event.body.content).toContain('Dagsorden (Word)</a>');
    expect(state().messages.some((m) => m.mailbox === 'camilla.bro@sohavn.example' && m.kind === 'meetingRequest')).toBe(true);
    expect(state().messages.some((m) => m.mailbox === leader && m.kind === 'meetingUpdate')).toBe(true);
    expect(state().driveItems.some((i) => i.name === 'Datapakke – trivsel.txt')).toBe(true);
  });

  it('shows the organiser each invitee’s answer from Outlook', async () => {
    const copy = state().events.find((e) => e.mailbox === 'camilla.bro@sohavn.example')!;
    const declined = state().events.find((e) => e.mailbox === 'peter.lind@sohavn.example')!;
    const respond = (upn: string, eventId: string, action: string) =>
      fetch(`${app.url}/sandbox/mail/${encodeURIComponent(upn)}/respond`, {
        method: 'POST',
        body: new URLSearchParams({ eventId, action }),
        redirect: 'manual',
      });
    expect((await respond('camilla.bro@sohavn.example', copy.id, 'accept')).status).toBe(303);
    expect((await respond('peter.lind@sohavn.example', declined.id, 'decline')).status).toBe(303);
    await app.db.query('update m365_links set responses_synced_at = null');
    const c = (await asLead('GET', `/conversations/${id}`)).body;
    const answers = Object.fromEntries(c.participants.map((p: any) => [p.upn, p.response]));
    expect(answers).toMatchObject({
      'camilla.bro@sohavn.example': 'accepted',
      'peter.lind@sohavn.example': 'declined',
      'jonas.kjaer@sohavn.example': 'none',
    });
    expect(
      state()
        .messages.filter((m) => m.mailbox === lead && m.kind === 'meetingResponse')
        .map((m) => m.response)
        .sort(),
    ).toEqual(['accepted', 'declined']);
  });

  it('sent nothing the Graph metadata refuses', () => {
    expect(app.sandbox!.stats.rejectedBodies).toBe(0);
  });
});
