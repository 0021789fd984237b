import { parentPort } from 'node:worker_threads';
import { renderAgendaDocx } from './agenda-docx.js';
import type { AgendaView } from './agenda-view.js';

/** What the worker sends back: each agenda's bytes, or why it could not be made. */
export type RenderReply = { id: number; bytes?: Uint8Array; error?: string };

/**
 * The worker thread's side of agenda-renderer.ts: views in, .docx bytes out.
 * Agendas that arrive while others render are rendered together and answered
 * in one message: a season's fifty agendas then reach Graph together and share
 * its JSON batches, instead of trickling out one by one. A group answers
 * after at most `groupMs`, so a long burst still sees its first agendas soon.
 */
const groupMs = 250;
const queue: { id: number; view: AgendaView }[] = [];
let scheduled = false;

parentPort!.on('message', (job: { id: number; view: AgendaView }) => {
  queue.push(job);
  if (!scheduled) {
    scheduled = true;
    setImmediate(() => void renderGroup());
  }
});

async function renderGroup(): Promise<void> {
  const replies: RenderReply[] = [];
  const until = performance.now() + groupMs;
  do {
    const { id, view } = queue.shift()!;
    try {
      replies.push({ id, bytes: await renderAgendaDocx(view) });
    } catch (error) {
      replies.push({ id, error: error instanceof Error ? error.message : String(error) });
    }
  } while (queue.length > 0 && performance.now() < until);
  parentPort!.postMessage(replies);
  scheduled = queue.length > 0;
  if (scheduled) setImmediate(() => void renderGroup());
}
