import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import {
  conversationWithAgendaSent,
  lead,
  leader,
  planBody,
  startTestApp,
  waitFor,
  type ApiCaller,
  type TestApp,
} from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

/** Moving and editing a planned conversation, and planning the same school twice. */
let app: TestApp;
let asLead: ApiCaller;
let asLeader: ApiCaller;
let id: string;
const jonas = 'jonas.kjaer@sohavn.example';

beforeAll(async () => {
  app = await startTestApp();
  asLead = await app.as(lead);
  asLeader = await app.as(leader);
  id = await conversationWithAgendaSent(app, [{ upn: jonas, role: 'facilitator' }]);
  await app.runner.drain();
});
afterAll(() => app.stop());

const state = () => app.sandbox!.state;
const current = async () => (await asLead('GET', `/conversations/${id}`)).body;
const planOf = (c: any, change: Record<string, unknown> = {}) => ({
  version: c.version,
  startsAt: c.startsAt,
  endsAt: c.endsAt,
  theme: c.theme,
  extraTopics: c.extraTopics,
  items: undefined as unknown,
  ...change,
});
const itemsOf = async () => {
  const catalog = (await asLead('GET', '/catalog')).body;
  return catalog.templates.find((t: any) => t.id === 'aarhus-2025').items;
};
const agendaText = async () => {
  const agenda = state().driveItems.find((i) => i.name === 'Dagsorden.docx')!;
  return (await (await JSZip.loadAsync(state().readBlob(agenda.blob!))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
};

describe(`moving and editing a planned conversation (${databaseKind()})`, () => {
  it('moves the meeting: every invitee gets the update, the agenda and folder follow, nothing is duplicated', async () => {
    const before = await current();
    const items = await itemsOf();
    const moved = await asLead('PUT', `/conversations/${id}/plan`, {
      ...planOf(before, { startsAt: '2027-03-17T12:00:00Z', endsAt: '2027-03-17T14:00:00Z' }),
      items,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.deadline.dueAt).toBe('2027-03-10T12:00:00.000Z');
    await app.runner.drain();

    const organiser = state().events.filter((e) => e.transactionId === id);
    expect(organiser).toHaveLength(1);
    expect(organiser[0]!.start.dateTime).toBe('2027-03-17T13:00:00');
    // Exchange's Teams join block is still in the body, for the organiser and every invitee.
    for (const event of state().events.filter((e) => e.meetingId === organiser[0]!.id)) {
      expect(event.body.content, event.mailbox).toContain('Deltag i mødet nu');
      expect(event.start.dateTime).toBe('2027-03-17T13:00:00');
    }
    for (const invitee of [leader, jonas]) {
      expect(state().messages.filter((m) => m.mailbox === invitee && m.kind === 'meetingUpdate').length, invitee).toBeGreaterThan(0);
    }
    expect(state().driveItems.filter((i) => i.name === 'Dagsorden.docx')).toHaveLength(1);
    expect(await agendaText()).toContain('onsdag den 17. marts 2027');
    expect(
      state()
        .driveItems.filter((i) => i.isFolder && i.name.startsWith('2027-03-'))
        .map((i) => i.name),
    ).toEqual(['2027-03-17 kl. 13.00']);
    // The school's part and the participants stay with the conversation.
    const after = await current();
    expect(after.developmentAreas).toBe(before.developmentAreas);
    expect(after.participants.map((p: any) => p.upn)).toEqual(before.participants.map((p: any) => p.upn));
  });

  it('edits the items: adds a follow-up item, and § 40 a requirement 5 is met', async () => {
    const c = await current();
    const items = await itemsOf();
    const followUp = {
      key: 'opfoelgning',
      title: 'Opfølgning på sidste års aftaler',
      minutes: 10,
      responsibleRoles: ['schoolLeader'],
      covers: ['followUp'],
    };
    const edited = [...items.slice(0, 4), followUp, ...items.slice(4)].map((i: any) =>
      i.key === 'reflection' ? { ...i, minutes: 35 } : i,
    );
    const saved = await asLead('PUT', `/conversations/${id}/plan`, { ...planOf(c), items: edited });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.agenda.map((i: any) => i.key)).toContain('opfoelgning');
    expect(saved.body.requirements.find((r: any) => r.key === 'followUp').status).toBe('met');
    await app.runner.drain();
    expect(await agendaText()).toContain('Opfølgning på sidste års aftaler');
  });

  it('refuses what the rules forbid, with the reason, and changes nothing', async () => {
    const c = await current();
    const items = await itemsOf();
    const tooShort = await asLead('PUT', `/conversations/${id}/plan`, { ...planOf(c, { endsAt: '2027-03-17T13:30:00Z' }), items });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.code).toBe('AGENDA_TIME_MISMATCH');
    const duplicateKeys = await asLead('PUT', `/conversations/${id}/plan`, {
      ...planOf(c),
      items: [...items.slice(1), { ...items[0], key: items[1].key }],
    });
    expect(duplicateKeys.status).toBe(422);
    const leaderMoves = await asLeader('PUT', `/conversations/${id}/plan`, {
      ...planOf(c, { startsAt: '2027-03-18T12:00:00Z', endsAt: '2027-03-18T14:00:00Z' }),
      items,
    });
    expect(leaderMoves.status).toBe(403);
    const leaderItemsAfterSending = await asLeader('PUT', `/conversations/${id}/plan`, { ...planOf(c), items });
    expect(leaderItemsAfterSending.status).toBe(409);
    const stale = await asLead('PUT', `/conversations/${id}/plan`, { ...planOf(c, { version: c.version - 1 }), items });
    expect(stale.status).toBe(409);
    expect((await current()).version).toBe(c.version);
  });

  it('says so when the same school already has a conversation at that time, and refuses a reused key with another plan', async () => {
    const clash = await asLead('POST', '/conversations', planBody({ startsAt: '2027-03-17T13:00:00Z', endsAt: '2027-03-17T15:00:00Z' }));
    expect(clash.status).toBe(201);
    const again = await asLead(
      'POST',
      '/conversations',
      planBody({ startsAt: '2027-03-17T13:00:00Z', endsAt: '2027-03-17T15:00:00Z', theme: 'Et andet tema' }),
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONVERSATION_EXISTS');
    expect(again.body.message).toBe('Bakkeskolen har allerede en samtale 17. marts kl. 14.00. Åbn den i stedet for at planlægge en ny.');
    expect(again.body.details.id).toBe(clash.body.id);
    const key = { 'Idempotency-Key': 'plan-page-visit-1' };
    expect(
      (await asLead('POST', '/conversations', planBody({ startsAt: '2027-05-03T07:00:00Z', endsAt: '2027-05-03T09:00:00Z' }), key)).status,
    ).toBe(201);
    const reused = await asLead(
      'POST',
      '/conversations',
      planBody({ startsAt: '2027-05-04T07:00:00Z', endsAt: '2027-05-04T09:00:00Z' }),
      key,
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Moving onto another conversation's start is the same clash.
    const c = await current();
    const items = (await asLead('GET', `/conversations/${id}`)).body.agenda.length ? await itemsOf() : [];
    const onto = await asLead('PUT', `/conversations/${id}/plan`, {
      ...planOf(c, { startsAt: '2027-03-17T13:00:00Z', endsAt: '2027-03-17T15:00:00Z' }),
      items: [
        ...items.slice(0, 4),
        { key: 'opfoelgning', title: 'Opfølgning', minutes: 10, responsibleRoles: ['schoolLeader'] },
        ...items.slice(4),
      ].map((i: any) => (i.key === 'reflection' ? { ...i, minutes: 35 } : i)),
    });
    expect(onto.status).toBe(409);
    expect(onto.body.code).toBe('CONVERSATION_EXISTS');
  });

  it('records that a school has no earlier conversation to follow up', async () => {
    const other = (
      await asLead(
        'POST',
        '/conversations',
        planBody({ schoolId: 'fjordskolen', startsAt: '2027-04-20T07:00:00Z', endsAt: '2027-04-20T09:00:00Z' }),
      )
    ).body;
    expect(other.requirements.find((r: any) => r.key === 'followUp')).toMatchObject({
      status: 'missing',
      reason: 'noFollowUpItemMaybeFirst',
    });
    await waitFor(async () => (await asLead('GET', `/conversations/${other.id}`)).body.status === 'invited');
    const version = (await asLead('GET', `/conversations/${other.id}`)).body.version;
    const marked = await asLead('PUT', `/conversations/${other.id}/first-conversation`, { version, first: true });
    expect(marked.body.requirements.find((r: any) => r.key === 'followUp')).toMatchObject({
      status: 'notApplicable',
      reason: 'firstConversation',
    });
  });
});
