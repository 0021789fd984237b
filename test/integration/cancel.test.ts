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

  it('cancels the Outlook event for everyone and shows the cancellation as done', async () => {
    const c = (await asLead('GET', `/conversations/${id}`)).body;
    const response = await asLead('POST', `/conversations/${id}/cancel`, { version: c.version });
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
