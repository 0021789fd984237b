import { afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildAgendaView } from '../../src/documents/agenda-view.js';
import { renderAgendaDocx } from '../../src/documents/agenda-docx.js';
import { createAgendaRenderer, type AgendaRenderer } from '../../src/documents/agenda-renderer.js';
import { plannedConversation, seedTemplate } from '../support/factories.js';

const view = buildAgendaView(plannedConversation({ template: seedTemplate('aarhus-2025') }), {
  documents: [],
  agendaUrl: null,
  joinUrl: null,
});
const bodyOf = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

let renderer: AgendaRenderer | null = null;
afterEach(async () => {
  await renderer?.close();
  renderer = null;
});

describe('the agenda renderer', () => {
  it('renders on a worker thread the same document as on this one, many at once', async () => {
    renderer = createAgendaRenderer();
    const results = await Promise.all(Array.from({ length: 12 }, () => renderer!.render(view)));
    expect(renderer.usesWorker).toBe(true);
    const expected = await bodyOf(await renderAgendaDocx(view));
    for (const bytes of results) expect(await bodyOf(bytes)).toBe(expected);
  });

  it('renders a lone agenda on this thread, moves a burst to the worker, and stops the worker when the burst is over', async () => {
    renderer = createAgendaRenderer({ idleMs: 50, burstMs: 200 });
    await renderer.render(view);
    expect(renderer.usesWorker).toBe(false); // no second heap for the everyday single agenda
    await new Promise((resolve) => setTimeout(resolve, 250));
    await renderer.render(view);
    expect(renderer.usesWorker).toBe(false); // far enough apart: still lone agendas
    // One after the other, as sync jobs render them: docx packs synchronously, so they never overlap on this thread.
    await renderer.render(view);
    expect(renderer.usesWorker).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(renderer.usesWorker).toBe(false);
    const again = await Promise.all([renderer.render(view), renderer.render(view)]);
    for (const bytes of again) expect(await bodyOf(bytes)).toContain('Velkomst');
  });

  it('renders on this thread when the worker cannot run, so no agenda is lost', async () => {
    renderer = createAgendaRenderer({ workerUrl: new URL('./no-such-worker.js', import.meta.url) });
    const results = await Promise.all([renderer.render(view), renderer.render(view)]);
    for (const bytes of results) expect(await bodyOf(bytes)).toContain('Velkomst');
  });
});
