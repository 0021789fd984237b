import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationWithAgendaSent, lead, leader, startTestApp, type TestApp } from '../support/test-app.js';

/** The add-in's way in: the meeting's id in the person's own mailbox leads to the conversation through the shared iCalUId. */
let app: TestApp;
let id = '';
const invitee = 'camilla.bro@sohavn.example';
beforeAll(async () => {
  app = await startTestApp();
  id = await conversationWithAgendaSent(app, [{ upn: invitee, role: 'boardMember' }]);
  await app.runner.drain();
});
afterAll(() => app.stop());

const copyOf = (upn: string) =>
  app.sandbox!.state.events.find(
    (e) => e.mailbox === upn && e.meetingId === app.sandbox!.state.events.find((o) => o.transactionId === id)!.id,
  )!;

describe('the Outlook add-in API', () => {
  it('finds the conversation from the organiser’s event and from an invitee’s own copy (different ids, one iCalUId)', async () => {
    const asLead = await app.as(lead);
    const asInvitee = await app.as(invitee);
    const organiser = app.sandbox!.state.events.find((e) => e.transactionId === id)!;
    const copy = copyOf(invitee);
    expect(copy.id).not.toBe(organiser.id);
    expect((await asLead('GET', `/addin/meeting?eventId=${organiser.id}`)).body).toEqual({ id });
    expect((await asInvitee('GET', `/addin/meeting?eventId=${copy.id}`)).body).toEqual({ id });
  });

  it('says politely that a meeting is not ours: an unknown id, or someone else’s copy', async () => {
    const asInvitee = await app.as(invitee);
    const unknown = await asInvitee('GET', '/addin/meeting?eventId=AAMkAGnot-an-event');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      code: 'MEETING_NOT_OURS',
      message: 'Mødet hører ikke til en skoleudviklingssamtale, du deltager i.',
    });
    // The leader's copy id, asked from Camilla's mailbox: not in her calendar.
    expect((await asInvitee('GET', `/addin/meeting?eventId=${copyOf(leader).id}`)).status).toBe(404);
    expect((await asInvitee('GET', '/addin/meeting')).status).toBe(400);
  });

  it('keeps the person’s own preparation answers in the one store the bot uses, refusing markup', async () => {
    const asInvitee = await app.as(invitee);
    const mine = (await asInvitee('GET', `/conversations/${id}/preparation/mine`)).body;
    expect(mine.open).toBe(true);
    expect(mine.questions.length).toBeGreaterThan(0);
    const question = mine.questions[0].id;
    const saved = await asInvitee('PUT', `/conversations/${id}/preparation/mine`, {
      answers: { [question]: 'Forældrene vil gerne høre om pauserne.' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.answers[question]).toBe('Forældrene vil gerne høre om pauserne.');
    const everyone = (await (await app.as(leader))('GET', `/conversations/${id}/preparation`)).body.answers;
    expect(everyone.some((a: any) => a.upn === invitee)).toBe(true);
    expect(
      (await asInvitee('PUT', `/conversations/${id}/preparation/mine`, { answers: { [question]: '<script>x</script>' } })).status,
    ).toBe(400);
  });
});
