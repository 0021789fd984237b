import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationWithAgendaSent, leader, startTestApp, waitFor, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

/** The school leader changes the data package after the agenda went out: remove, replace, duplicates, types. */
let app: TestApp;
let id = '';
let asLeader: Awaited<ReturnType<TestApp['as']>>;
const text = (s: string) => new TextEncoder().encode(s);
const fileHeaders = (name: string, type = 'application/pdf') => ({ 'Content-Type': type, 'X-File-Name': encodeURIComponent(name) });
const organiserEvent = () => app.sandbox!.state.events.find((e) => e.transactionId === id)!;
const item = (name: string) => app.sandbox!.state.driveItems.find((i) => i.name === name);

beforeAll(async () => {
  app = await startTestApp();
  asLeader = await app.as(leader);
  id = await conversationWithAgendaSent(app, [{ upn: 'jonas.kjaer@sohavn.example', role: 'participant' }]);
  expect((await asLeader('POST', `/conversations/${id}/documents`, text('trivsel v1'), fileHeaders('Trivsel 2026.pdf'))).status).toBe(201);
  expect((await asLeader('POST', `/conversations/${id}/documents`, text('fravær'), fileHeaders('Fravær.xlsx'))).status).toBe(201);
  await app.runner.drain();
});
afterAll(() => app.stop());

describe(`changing the data package (${databaseKind()})`, () => {
  it('asks before replacing a file of the same name (any case), and replaces it in place when told to', async () => {
    const before = item('Trivsel 2026.pdf')!;
    const duplicate = await asLeader('POST', `/conversations/${id}/documents`, text('trivsel v2'), fileHeaders('trivsel 2026.PDF'));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('DOCUMENT_EXISTS');
    expect(duplicate.body.message).toContain('„Trivsel 2026.pdf“');
    const replaced = await asLeader(
      'POST',
      `/conversations/${id}/documents?replace=true`,
      text('trivsel v2'),
      fileHeaders('trivsel 2026.PDF'),
    );
    expect(replaced.status).toBe(201);
    expect(replaced.body.fileName).toBe('Trivsel 2026.pdf');
    await app.runner.drain();
    const after = item('Trivsel 2026.pdf')!;
    // The same SharePoint item (the link in the invitation still works), with the new content.
    expect(after.id).toBe(before.id);
    expect(app.sandbox!.state.readBlob(after.blob!).toString()).toBe('trivsel v2');
    expect((await asLeader('GET', `/conversations/${id}`)).body.documents.map((d: any) => d.fileName)).toEqual([
      'Fravær.xlsx',
      'Trivsel 2026.pdf',
    ]);
  });

  it('replaces a chosen file (Erstat), keeping its name and link', async () => {
    const doc = (await asLeader('GET', `/conversations/${id}`)).body.documents.find((d: any) => d.fileName === 'Fravær.xlsx');
    const response = await asLeader(
      'PUT',
      `/conversations/${id}/documents/${doc.id}`,
      text('fravær rettet'),
      fileHeaders('andet navn.xlsx'),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: doc.id, fileName: 'Fravær.xlsx', sizeBytes: 'fravær rettet'.length + 1 });
    await app.runner.drain();
    expect(app.sandbox!.state.readBlob(item('Fravær.xlsx')!.blob!).toString()).toBe('fravær rettet');
  });

  it('removes a file: SharePoint deletes it, and the agenda and every invitee’s invitation drop it', async () => {
    const doc = (await asLeader('GET', `/conversations/${id}`)).body.documents.find((d: any) => d.fileName === 'Fravær.xlsx');
    expect(organiserEvent().body.content).toContain('Fravær.xlsx');
    const removed = await asLeader('DELETE', `/conversations/${id}/documents/${doc.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.documents.map((d: any) => d.fileName)).toEqual(['Trivsel 2026.pdf']);
    await app.runner.drain();
    expect(item('Fravær.xlsx')).toBeUndefined();
    expect(organiserEvent().body.content).not.toContain('Fravær.xlsx');
    const copy = app.sandbox!.state.events.find((e) => e.meetingId === organiserEvent().id && e.mailbox === 'jonas.kjaer@sohavn.example')!;
    expect(copy.body.content).not.toContain('Fravær.xlsx');
    const c = (await asLeader('GET', `/conversations/${id}`)).body;
    expect(c.sideEffects.find((s: any) => s.kind === 'documents').status).toBe('done');
    // Removing it again, or an id that is no file, is a clear 404.
    expect((await asLeader('DELETE', `/conversations/${id}/documents/${doc.id}`)).body.code).toBe('DOCUMENT_NOT_FOUND');
    expect((await asLeader('DELETE', `/conversations/${id}/documents/not-a-file`)).status).toBe(404);
  });

  it('refuses types outside the allow-list and offers a cleaned name for a name SharePoint cannot hold', async () => {
    const exe = await asLeader(
      'POST',
      `/conversations/${id}/documents`,
      text('MZ'),
      fileHeaders('opdatering.exe', 'application/octet-stream'),
    );
    expect(exe.status).toBe(415);
    expect(exe.body.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED');
    expect(exe.body.message).toContain('„opdatering.exe“ er en .exe-fil');
    const bad = await asLeader('POST', `/conversations/${id}/documents`, text('x'), fileHeaders('Trivsel: 2026/27?.pdf'));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject({ problem: 'characters', suggestion: 'Trivsel 2026-27.pdf' });
    expect((await asLeader('GET', `/conversations/${id}`)).body.documents).toHaveLength(1);
  });

  it('lets only the school leader change the package', async () => {
    const asOther = await app.as('jonas.kjaer@sohavn.example');
    const doc = (await asLeader('GET', `/conversations/${id}`)).body.documents[0];
    expect((await asOther('DELETE', `/conversations/${id}/documents/${doc.id}`)).status).toBe(403);
    await waitFor(async () => (await asLeader('GET', `/conversations/${id}`)).body.documents.length === 1);
  });
});
