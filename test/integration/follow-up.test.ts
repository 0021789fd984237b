import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { startTestApp, lead, leader, planBody, type ApiCaller, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
let clock = new Date('2026-11-22T10:00:00Z');
let asLead: ApiCaller;
let asLeader: ApiCaller;

beforeAll(async () => {
  app = await startTestApp({ now: () => clock });
  asLead = await app.as(lead);
  asLeader = await app.as(leader);
});
afterAll(() => app.stop());

async function holdAndApprove(startsAt: string, agreements: { what: string; owner: string }[]) {
  const endsAt = new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString();
  const planned = (await asLead('POST', '/conversations', planBody({ templateId: 'cbl-erfaringer-viden-ansvar', startsAt, endsAt }))).body;
  await app.runner.drain();
  const c = (await asLeader('GET', `/conversations/${planned.id}`)).body;
  await asLeader('PUT', `/conversations/${planned.id}/school-part`, {
    version: c.version,
    developmentAreas: 'Områder',
    learningFocus: 'Spørgsmål?',
    participants: [],
  });
  clock = new Date(Date.parse(endsAt) + 3600_000);
  const saved = (
    await asLeader('PUT', `/conversations/${planned.id}/minutes`, {
      version: 0,
      content: {
        itemNotes: {},
        decisions: [],
        agreements: agreements.map((a) => ({ id: randomUUID(), ...a, dueDate: null, followUpDate: null })),
        publicNote: 'Samtalen handlede om pauserne.',
        confirmedWarnings: [],
      },
    })
  ).body;
  expect((await asLeader('POST', `/conversations/${planned.id}/minutes/approve`, { version: saved.version })).status).toBe(200);
  await app.runner.drain();
  return planned.id as string;
}

describe(`follow-up on earlier agreements (${databaseKind()})`, () => {
  let next = '';

  it('carries last year’s agreements into the next conversation for the same school', async () => {
    await holdAndApprove('2027-03-10T08:00:00Z', [
      { what: 'Legepatrulje i indskolingen', owner: 'Skoleleder' },
      { what: 'Fælles legedag', owner: 'Pædagogisk leder' },
    ]);
    clock = new Date('2027-11-01T10:00:00Z');
    next = (
      await asLead(
        'POST',
        '/conversations',
        planBody({ templateId: 'cbl-erfaringer-viden-ansvar', startsAt: '2028-03-08T08:00:00Z', endsAt: '2028-03-08T10:00:00Z' }),
      )
    ).body.id;
    await app.runner.drain();
    const c = (await asLeader('GET', `/conversations/${next}`)).body;
    expect(c.followUp.map((a: any) => [a.what, a.status])).toEqual([
      ['Fælles legedag', 'open'],
      ['Legepatrulje i indskolingen', 'open'],
    ]);
  });

  it('lets the school leader set each one’s status, and shows it in the agenda’s follow-up item', async () => {
    const c = (await asLeader('GET', `/conversations/${next}`)).body;
    const done = c.followUp.find((a: any) => a.what === 'Legepatrulje i indskolingen');
    const updated = await asLeader('PUT', `/conversations/${next}/follow-up/${done.id}`, { status: 'done' });
    expect(updated.status).toBe(200);
    expect(updated.body.followUp.find((a: any) => a.id === done.id).status).toBe('done');
    expect((await asLead('PUT', `/conversations/${next}/follow-up/${done.id}`, { status: 'dropped' })).status).toBe(403);
    await app.runner.drain();
    const folder = app.sandbox!.state.driveItems.filter((i) => i.name === 'Dagsorden.docx').at(-1)!;
    const xml = await (await JSZip.loadAsync(app.sandbox!.state.readBlob(folder.blob!))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Aftaler fra tidligere samtaler');
    expect(text).toContain('Legepatrulje i indskolingen – Skoleleder – gennemført');
    expect(text).toContain('Fælles legedag – Pædagogisk leder – ikke vurderet');
  });

  it('does not carry settled agreements into later conversations', async () => {
    clock = new Date('2028-11-01T10:00:00Z');
    const later = (await asLead('POST', '/conversations', planBody({ startsAt: '2029-03-07T08:00:00Z', endsAt: '2029-03-07T10:00:00Z' })))
      .body.id;
    const c = (await asLeader('GET', `/conversations/${later}`)).body;
    expect(c.followUp.map((a: any) => a.what)).toEqual(['Fælles legedag']);
  });
});
