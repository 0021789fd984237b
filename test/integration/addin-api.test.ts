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

  it('lets the municipal lead make a Teams meeting made by hand a conversation: the same event gets the agenda and the school leader', async () => {
    const asLead = await app.as(lead);
    const asLeader = await app.as(leader);
    // "New meeting" in the lead's Outlook (the sandbox's mailbox page), 09:00–11:00 Copenhagen time.
    const made = await fetch(`${app.url}/sandbox/mail/${encodeURIComponent(lead)}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ subject: 'Samtale med Fjordskolen', date: '2027-04-14', start: '09:00', end: '11:00' }),
      redirect: 'manual',
    });
    expect(made.status).toBe(303);
    const meeting = app.sandbox!.state.events.find((e) => e.subject === 'Samtale med Fjordskolen' && e.mailbox === lead)!;
    expect(meeting.body.content).toContain('/sandbox/teams/meet/');
    expect((await asLead('GET', `/addin/meeting?eventId=${meeting.id}`)).body.code).toBe('MEETING_NOT_OURS');
    const link = { eventId: meeting.id, schoolId: 'fjordskolen', templateId: 'aarhus-2025', theme: 'Trivsel i overgange', extraTopics: [] };

    // Only the municipality plans; a template that does not fit the meeting's own length is named.
    expect((await asLeader('POST', '/addin/link', link)).status).toBe(403);
    const misfit = await asLead('POST', '/addin/link', { ...link, templateId: 'holbaek-2024' });
    expect(misfit.status).toBe(422);
    expect(misfit.body.code).toBe('AGENDA_TIME_MISMATCH');

    const events = app.sandbox!.state.events.length;
    const linked = await asLead('POST', '/addin/link', link);
    expect(linked.status).toBe(201);
    await app.runner.drain();
    const id = linked.body.id;
    const conversation = (await asLead('GET', `/conversations/${id}`)).body;
    expect(conversation.startsAt).toBe('2027-04-14T07:00:00.000Z');
    expect(conversation.status).toBe('invited');
    // The same event, updated: no second meeting; the agenda before Teams' join block; the school leader invited.
    expect(app.sandbox!.state.events.filter((e) => e.transactionId === id)).toHaveLength(0);
    const organiser = app.sandbox!.state.events.find((e) => e.id === meeting.id)!;
    expect(organiser.body.content.indexOf('Fjordskolen')).toBeLessThan(organiser.body.content.indexOf('/sandbox/teams/meet/'));
    expect(organiser.body.content).toContain('Deltag i mødet nu');
    const fjordLeader = conversation.participants.find((p: any) => p.role === 'schoolLeader').upn;
    expect(organiser.attendees.map((a) => a.emailAddress.address.toLowerCase())).toContain(fjordLeader.toLowerCase());
    expect(app.sandbox!.state.events.length).toBe(events + 1); // the school leader's copy
    expect((await asLead('GET', `/addin/meeting?eventId=${meeting.id}`)).body).toEqual({ id });

    // The invitation the pane puts into the open form is the one Outlook now has.
    const invitation = (await asLead('GET', `/addin/conversations/${id}/invitation`)).body;
    expect(organiser.body.content.startsWith(invitation.bodyHtml.replace(/<\/body><\/html>$/, '').slice(0, 200))).toBe(true);
    expect(invitation.attendees.map((a: any) => a.address.toLowerCase())).toContain(fjordLeader.toLowerCase());
    expect((await asLeader('GET', `/addin/conversations/${id}/invitation`)).status).toBe(404);

    // Linking again (the form retried) is the same conversation; nothing new.
    const again = await asLead('POST', '/addin/link', link);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
  });
});
