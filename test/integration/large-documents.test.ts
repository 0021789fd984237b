import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, lead, leader, planBody, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe(`data-package files (${databaseKind()})`, () => {
  it('sends a file over 4 MB through an upload session, byte for byte', async () => {
    const asLead = await app.as(lead);
    const asLeader = await app.as(leader);
    const id = (await asLead('POST', '/conversations', planBody())).body.id;
    await app.runner.drain();
    const content = new Uint8Array(5 * 1024 * 1024 + 123).map((_, i) => (i * 31) % 251);
    const upload = await asLeader('POST', `/conversations/${id}/documents`, content, {
      'Content-Type': 'application/pdf',
      'X-File-Name': encodeURIComponent('Datapakke 2026.pdf'),
    });
    expect(upload.status).toBe(201);
    await app.runner.drain();
    const item = app.sandbox!.state.driveItems.find((i) => i.name === 'Datapakke 2026.pdf')!;
    expect(item.size).toBe(content.length);
    expect(Buffer.compare(app.sandbox!.state.readBlob(item.blob!), Buffer.from(content))).toBe(0);
    const c = (await asLeader('GET', `/conversations/${id}`)).body;
    expect(c.documents).toEqual([expect.objectContaining({ fileName: 'Datapakke 2026.pdf', uploaded: true })]);
  });

  it('refuses an empty file and a file name SharePoint cannot hold', async () => {
    const asLead = await app.as(lead);
    const asLeader = await app.as(leader);
    const id = (await asLead('POST', '/conversations', planBody({ startsAt: '2027-05-01T07:00:00Z', endsAt: '2027-05-01T09:00:00Z' }))).body
      .id;
    const empty = await asLeader('POST', `/conversations/${id}/documents`, new Uint8Array(0), { 'X-File-Name': 'tom.pdf' });
    expect(empty.body.code).toBe('DOCUMENT_EMPTY');
    const badName = await asLeader('POST', `/conversations/${id}/documents`, new Uint8Array([1]), {
      'X-File-Name': encodeURIComponent('a:b?.pdf'),
    });
    expect(badName.body.code).toBe('DOCUMENT_NAME_INVALID');
  });
});
