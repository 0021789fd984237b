import { parentPort } from 'node:worker_threads';
import { renderAgendaDocx } from './agenda-docx.js';
import type { AgendaView } from './agenda-view.js';

/** The worker thread's side of agenda-renderer.ts: a view in, the .docx bytes out. */
parentPort!.on('message', async ({ id, view }: { id: number; view: AgendaView }) => {
  try {
    const bytes = await renderAgendaDocx(view);
    parentPort!.postMessage({ id, bytes });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
