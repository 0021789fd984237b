import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lead, leader, planBody, startTestApp, waitFor, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

/** Nothing typed is lost: drafts per person and form, kept until the form is saved. */
let app: TestApp;
let asLeader: ApiCaller;
let asLead: ApiCaller;
let id: string;
const path = () => `/conversations/${id}/drafts/schoolPart`;
const text = { developmentAreas: 'Pauserne som læringsrum', learningFocus: 'Hvordan?', participants: [] };

beforeAll(async () => {
  app = await startTestApp();
  asLeader = await app.as(leader);
  asLead = await app.as(lead);
  id = (await asLead('POST', '/conversations', planBody())).body.id;
  await waitFor(async () => (await asLeader('GET', `/conversations/${id}`)).body.status === 'invited');
});
afterAll(() => app.stop());

describe(`drafts (${databaseKind()})`, () => {
  it('keeps what the school leader typed, for them only, until they save', async () => {
    expect((await asLeader('GET', path())).body).toEqual({ draft: null });
    const version = (await asLeader('GET', `/conversations/${id}`)).body.version;
    const saved = await asLeader('PUT', path(), { content: text, basedOnVersion: version });
    expect(saved.status).toBe(200);
    expect((await asLeader('GET', path())).body.draft).toMatchObject({ content: text, basedOnVersion: version });
    // The school's part is the school leader's: the municipal lead has no draft of it to read or write.
    expect((await asLead('GET', path())).status).toBe(403);
    expect((await asLead('PUT', path(), { content: text, basedOnVersion: version })).status).toBe(403);

    const school = await asLeader('PUT', `/conversations/${id}/school-part`, { version, ...text });
    expect(school.status).toBe(200);
    expect((await asLeader('GET', path())).body).toEqual({ draft: null });
  });

  it('refuses a draft that is not the form’s shape, and keeps the one it has', async () => {
    const version = (await asLeader('GET', `/conversations/${id}`)).body.version;
    await asLeader('PUT', path(), { content: text, basedOnVersion: version });
    const bad = await asLeader('PUT', path(), { content: { developmentAreas: 'x'.repeat(5000) }, basedOnVersion: version });
    expect(bad.status).toBe(400);
    expect((await asLeader('GET', path())).body.draft.content).toEqual(text);
    expect((await asLeader('GET', `/conversations/${id}/drafts/nonsense`)).status).toBe(400);
  });

  it('keeps the draft when a save meets a newer version, so the text is never thrown away', async () => {
    const c = (await asLeader('GET', `/conversations/${id}`)).body;
    await asLeader('PUT', path(), { content: { ...text, learningFocus: 'Min nye formulering' }, basedOnVersion: c.version - 1 });
    const stale = await asLeader('PUT', `/conversations/${id}/school-part`, {
      version: c.version - 1,
      ...text,
      learningFocus: 'Min nye formulering',
    });
    expect(stale.status).toBe(409);
    expect((await asLeader('GET', path())).body.draft.content.learningFocus).toBe('Min nye formulering');
  });
});
