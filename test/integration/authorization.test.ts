import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, lead, leader, planBody, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
let asLead: ApiCaller;
let asLeader: ApiCaller;
let asOtherLeader: ApiCaller;
let asInvitee: ApiCaller;
let id: string;

beforeAll(async () => {
  app = await startTestApp();
  const callers = await Promise.all([lead, leader, 'sofie.berg@sohavn.example', 'peter.lind@sohavn.example'].map((u) => app.as(u)));
  [asLead, asLeader, asOtherLeader, asInvitee] = callers as [ApiCaller, ApiCaller, ApiCaller, ApiCaller];
  id = (await asLead('POST', '/conversations', planBody())).body.id;
  await app.runner.drain();
});
afterAll(() => app.stop());

describe(`who sees and changes a conversation (${databaseKind()})`, () => {
  it('hides a conversation from a school leader who is not part of it, in the list and by id', async () => {
    expect((await asOtherLeader('GET', '/conversations')).body.conversations).toEqual([]);
    const response = await asOtherLeader('GET', `/conversations/${id}`);
    expect(response.status).toBe(404);
    expect(response.body.message).toBe('Samtalen findes ikke, eller du har ikke adgang til den.');
  });

  it('shows it to an invitee once the school leader invites them', async () => {
    expect((await asInvitee('GET', `/conversations/${id}`)).status).toBe(404);
    const c = (await asLeader('GET', `/conversations/${id}`)).body;
    await asLeader('PUT', `/conversations/${id}/school-part`, {
      version: c.version,
      developmentAreas: '',
      learningFocus: '',
      participants: [{ upn: 'peter.lind@sohavn.example', role: 'participant' }],
    });
    const seen = await asInvitee('GET', `/conversations/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.permissions).toEqual({
      editSchoolPart: false,
      sendAgenda: false,
      retry: false,
      cancel: false,
      minutes: false,
      managePlan: false,
      facilitate: false,
      participant: true,
      evaluation: false,
      changePlan: false,
      editItems: false,
      markFirstConversation: false,
    });
  });

  it('lets only the school leader edit the school’s part', async () => {
    const c = (await asLead('GET', `/conversations/${id}`)).body;
    const body = { version: c.version, developmentAreas: 'Kommunens forslag', learningFocus: '?', participants: [] };
    expect((await asLead('PUT', `/conversations/${id}/school-part`, body)).status).toBe(403);
    expect((await asInvitee('PUT', `/conversations/${id}/school-part`, body)).status).toBe(403);
    expect((await asLead('GET', `/conversations/${id}`)).body.developmentAreas).toBe('');
  });

  it('refuses a save based on an old version instead of overwriting another editor', async () => {
    const c = (await asLeader('GET', `/conversations/${id}`)).body;
    const first = await asLeader('PUT', `/conversations/${id}/school-part`, {
      version: c.version,
      developmentAreas: 'Første',
      learningFocus: '',
      participants: [{ upn: 'peter.lind@sohavn.example', role: 'participant' }],
    });
    expect(first.status).toBe(200);
    const stale = await asLeader('PUT', `/conversations/${id}/school-part`, {
      version: c.version,
      developmentAreas: 'Anden',
      learningFocus: '',
      participants: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await asLeader('GET', `/conversations/${id}`)).body.developmentAreas).toBe('Første');
  });

  it('refuses inviting someone who is not in the directory', async () => {
    const c = (await asLeader('GET', `/conversations/${id}`)).body;
    const response = await asLeader('PUT', `/conversations/${id}/school-part`, {
      version: c.version,
      developmentAreas: '',
      learningFocus: '',
      participants: [{ upn: 'ukendt@example.org', role: 'participant' }],
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('USER_NOT_FOUND');
  });

  it('refuses sending the agenda before the school’s part is described', async () => {
    const c = (await asLeader('GET', `/conversations/${id}`)).body;
    const response = await asLeader('POST', `/conversations/${id}/send-agenda`, { version: c.version });
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/udviklingsområder og læringsfokus/);
  });
});
