import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { databaseKind } from '../support/test-database.js';

/**
 * The Graph adapters behind the ports, against the sandbox's Graph (every
 * body checked against Microsoft's metadata): what a use case asks of a port
 * arrives in "SharePoint" and "Outlook" as it would in Microsoft 365.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ startJobs: false });
});
afterAll(() => app.stop());

const folder = ['Skoleudviklingssamtaler', '2026-27', 'Prøveskolen'];
const file = (text: string) => ({ fileName: 'Notat.txt', content: new TextEncoder().encode(text), contentType: 'text/plain' });

describe(`Graph adapters through the sandbox (${databaseKind()})`, () => {
  it('DocumentLibrary uploads by path, replaces by id keeping the link, and removes', async () => {
    const { library } = app.ctx;
    const uploaded = await library.upload(folder, file('første'));
    expect(uploaded.webUrl).toMatch(/^http/);
    const replaced = await library.replace(uploaded.id, file('anden'));
    expect(replaced.id).toBe(uploaded.id);
    expect(replaced.webUrl).toBe(uploaded.webUrl);
    const stored = app.sandbox!.state.driveItems.find((i) => i.id === uploaded.id)!;
    expect(app.sandbox!.state.readBlob(stored.blob!).toString()).toBe('anden');
    expect(await library.remove(uploaded.id)).toBe(true);
    expect(app.sandbox!.state.driveItems.some((i) => i.id === uploaded.id)).toBe(false);
    expect(await library.remove(uploaded.id)).toBe(false);
    expect((await library.folder(folder)).id).toBe(uploaded.parentId);
  });

  it('sends independent calls made together as one JSON batch', async () => {
    const before = app.graph.roundTrips;
    await Promise.all([1, 2, 3].map((n) => app.ctx.library.upload(folder, { ...file(String(n)), fileName: `fil-${n}.txt` })));
    expect(app.graph.roundTrips - before).toBe(1);
  });

  it('CalendarGateway treats a meeting already gone as cancelled', async () => {
    expect(await app.ctx.calendar.cancelMeeting('mette.lund@sohavn.example', 'no-such-event', 'Aflyst')).toBe(false);
  });
});
