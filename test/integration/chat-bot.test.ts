import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationWithAgendaSent, lead, leader, startTestApp, waitFor, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';
import { runChatSchedule } from '../../src/app/chat/run-chat-schedule.js';
import type { SandboxChat } from '../../src/sandbox/sandbox-state.js';

let app: TestApp;
let clock = new Date('2026-11-22T10:00:00Z');
let asLeader: ApiCaller;
let asFacilitator: ApiCaller;
let conversationId: string;

const facilitator = 'jonas.kjaer@sohavn.example';
const invitees = [
  { upn: facilitator, role: 'facilitator' },
  { upn: 'peter.lind@sohavn.example', role: 'minuteTaker' },
  { upn: 'camilla.bro@sohavn.example', role: 'participant' },
  { upn: 'emil.vang@sohavn.example', role: 'participant' },
  { upn: 'nanna.friis@sohavn.example', role: 'participant' },
  { upn: 'laerke.dahl@sohavn.example', role: 'participant' },
];
const everyone = [lead, leader, ...invitees.map((i) => i.upn)];

const state = () => app.sandbox!.state;
const userOf = (upn: string) => state().findUser(upn)!;
const chatOf = (upn: string): SandboxChat | undefined => state().chats.find((c) => c.userId === userOf(upn).id);
const cards = (upn: string) =>
  (chatOf(upn)?.activities ?? [])
    .filter((a) => a.from === 'bot' && a.attachments.length > 0)
    .map((a) => ({ activity: a, card: a.attachments[0]!.content as any }));
const cardText = (card: unknown) => JSON.stringify(card);
const reflectionCardOf = (upn: string, roundId: string) => cards(upn).find((c) => cardText(c.card).includes(roundId));

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  asLeader = await app.as(leader);
  asFacilitator = await app.as(facilitator);
  conversationId = await conversationWithAgendaSent(app, invitees);
});
afterAll(() => app.stop());

describe(`Teams bot through the sandbox's Bot Connector (${databaseKind()})`, () => {
  it('reaches every participant in a 1:1 chat once the agenda is sent, installing the app through Graph', async () => {
    await waitFor(async () => everyone.every((upn) => cards(upn).length === 1));
    expect(state().chats).toHaveLength(everyone.length);
    const welcome = cardText(cards(facilitator)[0]!.card);
    expect(welcome).toContain('Bakkeskolen');
    expect(welcome).toContain('Facilitator');
    expect(welcome).toContain(`/#/conversations/${conversationId}`);
    // Sending the agenda again does not greet anyone twice.
    const current = (await asLeader('GET', `/conversations/${conversationId}`)).body;
    await asLeader('POST', `/conversations/${conversationId}/send-agenda`, { version: current.version });
    await app.runner.drain();
    expect(everyone.map((upn) => cards(upn).length)).toEqual(everyone.map(() => 1));
  });

  let roundId: string;
  it('runs a reflection round for 8 participants from start to reveal, answers private until then', async () => {
    const started = await asFacilitator('POST', `/conversations/${conversationId}/reflection-rounds`, { itemKey: 'reflection' });
    expect(started.status).toBe(201);
    roundId = started.body.roundId;
    await waitFor(async () => everyone.every((upn) => reflectionCardOf(upn, roundId)));

    const answering = everyone.slice(0, 6);
    for (const upn of answering) {
      const target = reflectionCardOf(upn, roundId)!;
      const outcome = await app.sandbox!.teams.execute(
        chatOf(upn)!,
        userOf(upn),
        { activityId: target.activity.id, verb: 'reflection.answer', data: { roundId, answer: `Tanker fra ${upn}` }, trigger: 'manual' },
        'da-DK',
      );
      expect(outcome).toMatchObject({ ok: true, kind: 'card' });
      expect(cardText(reflectionCardOf(upn, roundId)!.card)).toContain('Svar modtaget');
    }

    const before = (await asFacilitator('GET', `/conversations/${conversationId}/reflection-rounds`)).body.rounds[0];
    expect(before.round.status).toBe('open');
    expect(before.answeredCount).toBe(6);
    expect(before.answers.map((a: any) => a.upn)).toEqual([facilitator]);
    expect(before.notAnswered.map((n: any) => n.upn)).toEqual(everyone.slice(6));

    const revealed = await asFacilitator('POST', `/conversations/${conversationId}/reflection-rounds/${roundId}/reveal`, {
      version: before.version,
    });
    expect(revealed.status).toBe(200);
    const round = revealed.body.rounds[0];
    expect(round.round.status).toBe('revealed');
    expect([...round.round.speakingOrder].sort()).toEqual([...everyone].sort());
    expect(round.answers).toHaveLength(6);
    const asParticipant = await app.as('camilla.bro@sohavn.example');
    expect((await asParticipant('GET', `/conversations/${conversationId}/reflection-rounds`)).body.rounds[0].answers).toHaveLength(6);

    const reordered = [...round.round.speakingOrder].reverse();
    const put = await asFacilitator('PUT', `/conversations/${conversationId}/reflection-rounds/${roundId}/speaking-order`, {
      version: round.version,
      order: reordered,
    });
    expect(put.body.rounds[0].round.speakingOrder).toEqual(reordered);
  });

  it('refuses forged submits with no change: another person, another conversation, malformed data, a closed round', async () => {
    const answersBefore = (await asFacilitator('GET', `/conversations/${conversationId}/reflection-rounds`)).body.rounds[0].answers;
    const outsider = 'rasmus.krog@sohavn.example'; // Invited to another of the school's conversations, not this one.
    const otherId = await conversationWithAgendaSent(app, [{ upn: outsider, role: 'participant' }], {
      startsAt: '2027-04-11T07:00:00Z',
      endsAt: '2027-04-11T09:00:00Z',
    });
    await waitFor(async () => chatOf(outsider) && cards(outsider).length > 0);
    const outsiderCard = cards(outsider)[0]!;
    const forge = (upn: string, activityId: string, data: unknown) =>
      app.sandbox!.teams.execute(chatOf(upn)!, userOf(upn), { activityId, verb: 'reflection.answer', data, trigger: 'manual' }, 'da-DK');

    // Someone outside the conversation, using a card of their own with this round's id.
    expect(await forge(outsider, outsiderCard.activity.id, { roundId, answer: 'Indsmuglet' })).toMatchObject({ ok: false, status: 403 });
    // A participant trying to answer on another's behalf: the data's upn is ignored, Teams' identity counts.
    const own = reflectionCardOf('nanna.friis@sohavn.example', roundId)!;
    await forge('nanna.friis@sohavn.example', own.activity.id, { roundId, answer: 'Mit eget svar', upn: facilitator });
    // Malformed: no answer, an answer far too long, a round id that is not a string.
    expect(await forge(leader, reflectionCardOf(leader, roundId)!.activity.id, { roundId })).toMatchObject({ ok: false, status: 400 });
    expect(await forge(leader, reflectionCardOf(leader, roundId)!.activity.id, { roundId, answer: 'x'.repeat(5000) })).toMatchObject({
      ok: false,
    });
    expect(await forge(leader, reflectionCardOf(leader, roundId)!.activity.id, { roundId: { $ne: null }, answer: 'x' })).toMatchObject({
      ok: false,
    });
    // Another conversation's round id, from a participant of this one.
    expect(otherId).not.toBe(conversationId);

    const after = (await asFacilitator('GET', `/conversations/${conversationId}/reflection-rounds`)).body.rounds[0];
    const byUpn = Object.fromEntries(after.answers.map((a: any) => [a.upn, a.text]));
    expect(byUpn[facilitator]).toBe(answersBefore.find((a: any) => a.upn === facilitator).text);
    expect(byUpn['nanna.friis@sohavn.example']).toBe('Mit eget svar');
    expect(after.answers).toHaveLength(7);
    expect(Object.keys(byUpn)).not.toContain(outsider);

    // Closing redraws every card as closed; answering after that is refused.
    const cardIds = Object.fromEntries(everyone.map((upn) => [upn, reflectionCardOf(upn, roundId)!.activity.id]));
    const cardById = (upn: string) => cards(upn).find((c) => c.activity.id === cardIds[upn])!;
    const closed = await asFacilitator('POST', `/conversations/${conversationId}/reflection-rounds/${roundId}/close`, {
      version: after.version,
    });
    expect(closed.body.rounds[0].round.status).toBe('closed');
    await waitFor(async () => everyone.every((upn) => cardText(cardById(upn).card).includes('Runden er lukket')));
    expect(cardById(facilitator).activity.updatedAt).not.toBeNull();
    expect(await forge(facilitator, cardIds[facilitator]!, { roundId, answer: 'For sent' })).toMatchObject({
      ok: false,
      status: 403,
    });
    const final = (await asFacilitator('GET', `/conversations/${conversationId}/reflection-rounds`)).body.rounds[0];
    expect(final.answers.find((a: any) => a.upn === facilitator).text).toBe(byUpn[facilitator]);
  });

  it('delivers every prompt exactly once while the connector answers 429 to 30 % of requests', async () => {
    await fetch(`${app.url}/sandbox/_control/connector-faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // Seeded, so the same requests fail on every run: the first of them among the eight prompts.
      body: JSON.stringify({ rate: 0.3, statuses: [429], retryAfterSeconds: 0, seed: 7 }),
    });
    try {
      const injectedBefore = app.sandbox!.connectorStats.faultsInjected;
      const started = await asFacilitator('POST', `/conversations/${conversationId}/reflection-rounds`, { itemKey: 'decision' });
      const id = started.body.roundId;
      await waitFor(async () => everyone.every((upn) => reflectionCardOf(upn, id)), 60_000);
      await app.runner.drain(60_000);
      expect(app.sandbox!.connectorStats.faultsInjected).toBeGreaterThan(injectedBefore);
      for (const upn of everyone) expect(cards(upn).filter((c) => cardText(c.card).includes(id))).toHaveLength(1);
    } finally {
      await fetch(`${app.url}/sandbox/_control/connector-faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
    }
  });

  it('finds the conversation from its Teams meeting chat (the meeting side panel), for participants only', async () => {
    // The meeting's chat as Teams knows it (the side panel's context), linked by the sync from Graph's online meeting.
    const [links] = await app.db.query<{ join_url: string }>('select join_url from m365_links where conversation_id = $1', [
      conversationId,
    ]);
    const thread = state().meetingChats.find((c) => c.joinUrl === links!.join_url)!.id;
    expect(thread).toMatch(/^19:meeting_.+@thread\.v2$/);
    const found = await asFacilitator('GET', `/conversations/by-meeting?chatId=${encodeURIComponent(thread)}`);
    expect(found.status).toBe(200);
    expect(found.body.id).toBe(conversationId);
    const outsider = await app.as('sofie.berg@sohavn.example');
    expect((await outsider('GET', `/conversations/by-meeting?chatId=${encodeURIComponent(thread)}`)).status).toBe(404);
    expect((await asFacilitator('GET', '/conversations/by-meeting?chatId=19%3Aunknown%40thread.v2')).status).toBe(404);
  });

  it('answers hjælp, mine samtaler and free text in the 1:1 chat, in English for an English client', async () => {
    const chat = chatOf(leader)!;
    const count = () => chat.activities.length;
    let n = count();
    await app.sandbox!.teams.sendText(chat, userOf(leader), 'hjælp', 'da-DK');
    await waitFor(async () => count() >= n + 2);
    expect(chat.activities.at(-1)!.text).toContain('mine samtaler');

    n = count();
    await app.sandbox!.teams.sendText(chat, userOf(leader), 'mine samtaler', 'da-DK');
    await waitFor(async () => count() >= n + 2);
    const list = cardText(chat.activities.at(-1)!.attachments[0]!.content);
    expect(list).toContain('Dine kommende samtaler');
    expect(list).toContain(`/#/conversations/${conversationId}`);

    n = count();
    await app.sandbox!.teams.sendText(chat, userOf(leader), 'Hvornår er mødet?', 'en-GB');
    await waitFor(async () => count() >= n + 2);
    expect(chat.activities.at(-1)!.text).toContain('Type **help**');
  });

  it('reminds the school leader in chat 10 days before when the agenda is not sent, once', async () => {
    const fjordLeader = 'sofie.berg@sohavn.example';
    const planned = await (
      await app.as(lead)
    )('POST', '/conversations', {
      schoolId: 'fjordskolen',
      templateId: 'aarhus-2025',
      startsAt: '2026-12-01T08:00:00Z',
      endsAt: '2026-12-01T10:00:00Z',
      theme: '',
      extraTopics: [],
    });
    expect(planned.status).toBe(201);
    await app.runner.drain();
    expect(await runChatSchedule(app.ctx)).toBe(1);
    expect(await runChatSchedule(app.ctx)).toBe(0);
    await waitFor(async () => cards(fjordLeader).some((c) => cardText(c.card).includes('Påmindelse')));
    const reminder = cardText(cards(fjordLeader).find((c) => cardText(c.card).includes('Påmindelse'))!.card);
    expect(reminder).toContain('Fjordskolen');
    expect(reminder).toContain('om 9 dage'); // 8 days 22 hours: what is really left, not the 10-day threshold
    const overview = (await (await app.as(lead))('GET', '/conversations')).body.conversations;
    expect(overview.find((c: any) => c.id === planned.body.id).deadline.status).toBe('pending');
  });

  it('sends the preparation card two days before; answers are visible to the participants in the tab', async () => {
    clock = new Date('2027-03-08T12:00:00Z');
    expect(await runChatSchedule(app.ctx)).toBe(everyone.length);
    expect(await runChatSchedule(app.ctx)).toBe(0);
    const preparationOf = (upn: string) => cards(upn).find((c) => cardText(c.card).includes('preparation.answer'));
    await waitFor(async () => everyone.every((upn) => preparationOf(upn)));
    const target = preparationOf(leader)!;
    const inputIds = (target.card.body as any[]).filter((e) => e.type === 'Input.Text').map((e) => e.id as string);
    expect(inputIds.length).toBeGreaterThan(0);
    const outcome = await app.sandbox!.teams.execute(
      chatOf(leader)!,
      userOf(leader),
      {
        activityId: target.activity.id,
        verb: 'preparation.answer',
        data: { conversationId, [inputIds[0]!]: 'Trivslen er steget', q__bogus__0: 'x' },
        trigger: 'manual',
      },
      'da-DK',
    );
    expect(outcome).toMatchObject({ ok: true, kind: 'card' });
    const seen = (await asFacilitator('GET', `/conversations/${conversationId}/preparation`)).body.answers;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ upn: leader, displayName: 'Anders Holm' });
    expect(seen[0].answers.map((a: any) => a.answer)).toEqual(['Trivslen er steget']);
    const outsider = await app.as('sofie.berg@sohavn.example');
    expect((await outsider('GET', `/conversations/${conversationId}/preparation`)).status).toBe(404);
  });

  it('sends the evaluation when Teams says the meeting ended (meetingEnd), before the planned end', async () => {
    clock = new Date('2027-03-10T09:40:00Z'); // the meeting ends 20 minutes early
    const [links] = await app.db.query<{ join_url: string }>('select join_url from m365_links where conversation_id = $1', [
      conversationId,
    ]);
    const meetingChat = state().meetingChats.find((c) => c.joinUrl === links!.join_url)!;
    // The app joined the meeting's chat when the agenda was sent, so Teams sends it the meeting's events.
    expect(meetingChat.installedApps.map((a) => a.permissions.map((p) => p.permissionValue))).toEqual([
      ['OnlineMeeting.ReadBasic.Chat', 'MeetingStage.Write.Chat'],
    ]);
    expect(meetingChat.tabs.map((t) => t.contentUrl)).toEqual([`${app.url}/#/meeting/${conversationId}`]);
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'event',
        name: 'application/vnd.microsoft.meetingEnd',
        channelId: 'msteams',
        serviceUrl: app.sandbox!.connectorUrl,
        from: { id: `29:${userOf(lead).id}`, aadObjectId: userOf(lead).id },
        recipient: { id: '28:udviklingssamtale-sandbox-bot' },
        conversation: { id: meetingChat.id, conversationType: 'groupChat', tenantId: '5a0d5a0d-0000-4000-8000-50ba5a0d0000' },
        channelData: { meeting: { id: meetingChat.onlineMeetingId } },
        value: {
          Id: meetingChat.onlineMeetingId,
          JoinUrl: links!.join_url,
          Title: 'Skoleudviklingssamtale',
          MeetingType: 'Scheduled',
          EndTime: clock.toISOString(),
        },
      }),
    });
    expect(response.status).toBe(200);
    const evaluationOf = (upn: string) => cards(upn).find((c) => cardText(c.card).includes('evaluation.answer'));
    await waitFor(async () => everyone.every((upn) => evaluationOf(upn)));
    // The conversation now reads as held, not "Dagsorden sendt".
    expect((await (await app.as(lead))('GET', `/conversations/${conversationId}`)).body.status).toBe('held');
  });

  it('sends the evaluation at the meeting’s end once, and the tab shows the aggregate per conversation and for the municipality', async () => {
    clock = new Date('2027-03-10T10:05:00Z');
    await runChatSchedule(app.ctx);
    await waitFor(async () => everyone.every((upn) => cards(upn).some((c) => cardText(c.card).includes('evaluation.answer'))));
    await runChatSchedule(app.ctx);
    await app.runner.drain();
    for (const upn of everyone) expect(cards(upn).filter((c) => cardText(c.card).includes('evaluation.answer'))).toHaveLength(1);

    const ratings: Record<string, number> = { [lead]: 4, [leader]: 5, [facilitator]: 3 };
    for (const [upn, rating] of Object.entries(ratings)) {
      const target = cards(upn).find((c) => cardText(c.card).includes('evaluation.answer'))!;
      const outcome = await app.sandbox!.teams.execute(
        chatOf(upn)!,
        userOf(upn),
        {
          activityId: target.activity.id,
          verb: 'evaluation.answer',
          data: {
            conversationId,
            wentWell: `Godt fra ${upn}`,
            adjust: '',
            carryForward: 'Mere tid til refleksion',
            rating: String(rating),
          },
          trigger: 'manual',
        },
        'da-DK',
      );
      expect(outcome).toMatchObject({ ok: true, kind: 'card' });
    }
    const summary = (await asLeader('GET', `/conversations/${conversationId}/evaluation`)).body;
    expect(summary).toMatchObject({ responses: 3, averageRating: 4, ratingCounts: [0, 0, 1, 1, 1], invited: 8 });
    expect(summary.carryForward).toEqual(['Mere tid til refleksion', 'Mere tid til refleksion', 'Mere tid til refleksion']);
    // The minutes' evaluation item gets the answers as a draft, without names.
    const minutes = (await asLeader('GET', `/conversations/${conversationId}/minutes`)).body;
    expect(minutes.evaluationDraft).toContain('3 svar, gennemsnitlig vurdering 4 af 5');
    expect(minutes.evaluationDraft).toContain('- Mere tid til refleksion');
    expect(minutes.evaluationDraft).not.toContain('Anders');
    const overview = (await (await app.as(lead))('GET', '/evaluations')).body;
    expect(overview.overall.responses).toBe(3);

    // Approving the minutes closes the evaluation: every evaluation card is redrawn closed, late answers refused.
    const m = (
      await asLeader('PUT', `/conversations/${conversationId}/minutes`, {
        version: minutes.version,
        content: { ...minutes.content, publicNote: 'Samtalen handlede om pauserne som læringsrum.' },
      })
    ).body;
    expect((await asLeader('POST', `/conversations/${conversationId}/minutes/approve`, { version: m.version })).status).toBe(200);
    await app.runner.drain();
    const evaluationCardIds = Object.fromEntries(
      everyone.map((upn) => [upn, cards(upn).find((c) => cardText(c.card).includes('Samtale om samtalen'))!.activity.id]),
    );
    await waitFor(async () =>
      everyone.every((upn) =>
        cardText(cards(upn).find((c) => c.activity.id === evaluationCardIds[upn])!.card).includes('Evalueringen er lukket'),
      ),
    );
    const late = await app.sandbox!.teams.execute(
      chatOf(facilitator)!,
      userOf(facilitator),
      {
        activityId: evaluationCardIds[facilitator]!,
        verb: 'evaluation.answer',
        data: { conversationId, wentWell: 'For sent', adjust: '', carryForward: '', rating: '1' },
        trigger: 'manual',
      },
      'da-DK',
    );
    expect(late).toMatchObject({ ok: false, status: 403 });
    expect((await asLeader('GET', `/conversations/${conversationId}/evaluation`)).body.responses).toBe(3);
    expect(overview.bySchoolYear[0].schoolYear).toBe('2026/27');
  });
});
