import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lead, leader, planBody, startTestApp, waitFor, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';
import type { SandboxChat } from '../../src/sandbox/sandbox-state.js';

/** Who is invited: guests from outside the tenant, people saved but not yet sent, people taken off after they were invited. */
let app: TestApp;
let asLeader: ApiCaller;
let id: string;
const camilla = 'camilla.bro@sohavn.example';
const guest = 'rikke.konsulent@udvikling.example';

beforeAll(async () => {
  app = await startTestApp();
  asLeader = await app.as(leader);
  id = (await (await app.as(lead))('POST', '/conversations', planBody())).body.id;
  await waitFor(async () => (await asLeader('GET', `/conversations/${id}`)).body.status === 'invited');
});
afterAll(() => app.stop());

const current = async () => (await asLeader('GET', `/conversations/${id}`)).body;
const organiserEvent = () => app.sandbox!.state.events.find((e) => e.transactionId === id)!;
const saveParticipants = async (participants: unknown[]) => {
  const c = await current();
  return asLeader('PUT', `/conversations/${id}/school-part`, {
    version: c.version,
    developmentAreas: 'Pauserne',
    learningFocus: 'Hvordan?',
    participants,
  });
};

describe(`invitees (${databaseKind()})`, () => {
  it('invites a guest from outside the tenant by e-mail, as an Outlook attendee', async () => {
    const unknown = await saveParticipants([{ upn: guest, role: 'facilitator' }]);
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
    const saved = await saveParticipants([
      { upn: guest, role: 'facilitator', external: true, displayName: 'Rikke Holst (ekstern konsulent)' },
      { upn: camilla, role: 'pupilRepresentative' },
    ]);
    expect(saved.status).toBe(200);
    const people = Object.fromEntries(saved.body.participants.map((p: any) => [p.upn, p]));
    expect(people[guest]).toMatchObject({
      displayName: 'Rikke Holst (ekstern konsulent)',
      external: true,
      invited: false,
      role: 'facilitator',
    });
    expect(people[camilla]).toMatchObject({ external: false, invited: false, role: 'pupilRepresentative' });
    expect(people[leader].invited).toBe(true);
  });

  it('shows saved people as not invited until the agenda is sent, then sends the guest the invitation too', async () => {
    expect(organiserEvent().attendees.map((a) => a.emailAddress.address)).toEqual([leader]);
    const sent = await asLeader('POST', `/conversations/${id}/send-agenda`, { version: (await current()).version });
    expect(sent.status).toBe(200);
    expect(sent.body.participants.every((p: any) => p.invited)).toBe(true);
    await app.runner.drain();
    expect(
      organiserEvent()
        .attendees.map((a) => a.emailAddress.address)
        .sort(),
    ).toEqual([leader, camilla, guest].sort());
    // The bot reaches the people in the tenant; a guest has no Teams chat with it.
    expect(app.sandbox!.state.chats.some((c) => c.userId === app.sandbox!.state.findUser(camilla)!.id)).toBe(true);
  });

  it('tells a person taken off after the invitation: Outlook cancels for them, and their cards in Teams close', async () => {
    const chat = (): SandboxChat => app.sandbox!.state.chats.find((c) => c.userId === app.sandbox!.state.findUser(camilla)!.id)!;
    await waitFor(async () => chat().activities.length > 0);
    const saved = await saveParticipants([{ upn: guest, role: 'facilitator', external: true }]);
    expect(saved.status).toBe(200);
    await app.runner.drain();
    expect(
      organiserEvent()
        .attendees.map((a) => a.emailAddress.address)
        .sort(),
    ).toEqual([leader, guest].sort());
    const cancellation = app.sandbox!.state.messages.find((m) => m.mailbox === camilla && m.kind === 'meetingCancelled');
    expect(cancellation?.subject).toMatch(/Aflyst/);
    expect(JSON.stringify(chat().activities.at(-1)?.attachments)).toContain('Du deltager ikke længere i samtalen med Bakkeskolen');
  });
});
