import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, lead, leader, planBody, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
let asLead: ApiCaller;
let asLeader: ApiCaller;
let id: string;

beforeAll(async () => {
  app = await startTestApp();
  asLead = await app.as(lead);
  asLeader = await app.as(leader);
  id = (await asLead('POST', '/conversations', planBody())).body.id;
  await app.runner.drain();
});
afterAll(() => app.stop());

describe(`"Aflys samtale" (${databaseKind()})`, () => {
  it('is refused to the school leader', async () => {
    const c = (await asLeader('GET', `/conversations/${id}`)).body;
    expect(c.permissions.cancel).toBe(false);
    expect((await asLeader('POST', `/conversations/${id}/cancel`, { version: c.version })).status).toBe(403);
  });

  it('refuses a message with markup or over 1,000 characters, and changes nothing', async () => {
    const c = (await asLead('GET', `/conversations/${id}`)).body;
    for (const message of ['<b>Aflyst</b>', 'x'.repeat(1001)]) {
      const response = await asLead('POST', `/conversations/${id}/cancel`, { version: c.version, message });
      expect(response.status).toBe(400);
      expect(response.body.fields?.[0]?.field ?? response.body.details?.field, JSON.stringify(response.body)).toBe('message');
    }
    expect((await asLead('GET', `/conversations/${id}`)).body.status).not.toBe('cancelled');
  });

  it('cancels the Outlook event for everyone and shows the cancellation as done', async () => {
    const c = (await asLead('GET', `/conversations/${id}`)).body;
    const response = await asLead('POST', `/conversations/${id}/cancel`, {
      version: c.version,
      message: 'Vi finder en ny dato efter vinterferien.',
    });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('cancelled');
    await app.runner.drain();
    const event = app.sandbox!.state.events.find((e) => e.mailbox === lead)!;
    expect(event.isCancelled).toBe(true);
    expect(app.sandbox!.state.events.find((e) => e.mailbox === leader)!.isCancelled).toBe(true);
    expect(app.sandbox!.state.messages.filter((m) => m.mailbox === leader).map((m) => m.kind)).toEqual([
      'meetingRequest',
      'meetingCancelled',
    ]);
    // The municipality's words reach everyone in Outlook's cancellation.
    const cancellation = app.sandbox!.state.messages.find((m) => m.mailbox === leader && m.kind === 'meetingCancelled')!;
    expect(cancellation.bodyHtml).toContain('Samtalen er aflyst.');
    expect(cancellation.bodyHtml).toContain('Vi finder en ny dato efter vinterferien.');
    const after = (await asLeader('GET', `/conversations/${id}`)).body;
    expect(after.sideEffects.find((s: any) => s.kind === 'cancellation').status).toBe('done');
    expect(after.permissions.editSchoolPart).toBe(false);
  });

  it('cannot be cancelled twice, and a cancelled conversation cannot get an agenda', async () => {
    const c = (await asLead('GET', `/conversations/${id}`)).body;
    const again = await asLead('POST', `/conversations/${id}/cancel`, { version: c.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TRANSITION_NOT_ALLOWED');
    const agenda = await asLeader('PUT', `/conversations/${id}/school-part`, {
      version: c.version,
      developmentAreas: 'x',
      learningFocus: 'y',
      participants: [],
    });
    expect(agenda.status).toBe(409);
  });
});
