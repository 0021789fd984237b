import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { renderAgendaDocx } from './agenda-docx.js';
import type { AgendaView } from './agenda-view.js';
import type { RenderReply } from './agenda-docx-worker.js';

export interface AgendaRendererOptions {
  /** The worker's module; beside this one by default (.ts from source, .js in the built server). */
  workerUrl?: URL;
  /** The worker stops after this long without work, so an idle server holds no second heap. */
  idleMs?: number;
  /** An agenda due this soon after the previous one is part of a burst and goes to the worker. */
  burstMs?: number;
}

type Pending = { view: AgendaView; resolve: (bytes: Buffer) => void; reject: (error: Error) => void };

const fromSource = import.meta.url.endsWith('.ts');

/** A small heap: an agenda needs a few megabytes, and the server's memory budget is tight. */
const resourceLimits = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4 };

/**
 * From source (tests, tsx) the worker's TypeScript goes through tsx's require
 * hook: Node 20 does not pass `--import` loaders on to worker threads. The
 * built server starts the bundled .js directly and needs none of this.
 */
function sourceWorker(url: URL): Worker {
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(url))});`;
  return new Worker(code, { eval: true, execArgv: [], resourceLimits });
}

/**
 * Renders agenda .docx files on one worker thread when several are due at
 * once. A package costs 8–15 ms of CPU; on the event loop a burst of plans
 * (a season, a morning of planning) would hold every API answer and the live
 * agenda's stream that long per agenda, and cap the sync at one core. The
 * worker starts when agendas overlap or follow each other closely (docx packs
 * synchronously, so two renders on this thread never overlap: the burst shows
 * only in how close together they come) and stops when idle. If it cannot start or dies, the agenda is rendered on this
 * thread instead: an agenda is never lost to the optimisation.
 */
export function createAgendaRenderer(options: AgendaRendererOptions = {}) {
  const workerUrl = options.workerUrl ?? new URL(fromSource ? './agenda-docx-worker.ts' : './agenda-docx-worker.js', import.meta.url);
  const idleMs = options.idleMs ?? 15_000;
  const burstMs = options.burstMs ?? 1000;
  let lastStartedAt = Number.NEGATIVE_INFINITY;
  let worker: Worker | null = null;
  /** Workers that ended without being asked to; after three, this thread renders (something is wrong with the worker). */
  let crashes = 0;
  const stopping = new WeakSet<Worker>();
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let idleTimer: NodeJS.Timeout | null = null;
  let inFlight = 0;

  const inline = (job: Pending) => renderAgendaDocx(job.view).then(job.resolve, job.reject);

  function stop(): Promise<number> | undefined {
    if (idleTimer) clearTimeout(idleTimer);
    const current = worker;
    worker = null;
    if (!current) return undefined;
    stopping.add(current);
    return current.terminate();
  }

  function stopWhenIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    if (pending.size > 0) return;
    idleTimer = setTimeout(() => void stop(), idleMs);
    idleTimer.unref();
  }

  function start(): Worker | null {
    if (worker || crashes >= 3) return worker;
    let current: Worker;
    try {
      current = workerUrl.pathname.endsWith('.ts') ? sourceWorker(workerUrl) : new Worker(workerUrl, { execArgv: [], resourceLimits });
    } catch {
      crashes = 3;
      return null;
    }
    worker = current;
    current.unref();
    current.on('message', (replies: RenderReply[]) => {
      for (const { id, bytes, error } of replies) {
        const job = pending.get(id);
        if (!job) continue;
        pending.delete(id);
        if (bytes) job.resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        else job.reject(new Error(error ?? 'agenda rendering failed'));
      }
      stopWhenIdle();
    });
    // An error is followed by exit; the jobs still waiting are rendered here.
    current.on('error', () => undefined);
    current.on('exit', () => {
      if (worker === current) worker = null;
      if (!stopping.has(current)) crashes++;
      const orphans = [...pending.values()];
      pending.clear();
      for (const job of orphans) void inline(job);
    });
    return current;
  }

  return {
    render(view: AgendaView): Promise<Buffer> {
      inFlight++;
      const startedAt = performance.now();
      const inBurst = inFlight > 1 || startedAt - lastStartedAt < burstMs;
      lastStartedAt = startedAt;
      return new Promise<Buffer>((resolve, reject) => {
        const job = { view, resolve, reject };
        // A lone agenda (the everyday case) is rendered here: a worker costs a second heap and its start.
        // Only in a burst (a season, many plans at once) does the worker take them.
        const target = inBurst || worker ? start() : null;
        if (!target) return void inline(job);
        if (idleTimer) clearTimeout(idleTimer);
        const id = nextId++;
        pending.set(id, job);
        target.postMessage({ id, view });
      }).finally(() => inFlight--);
    },
    /** Stops the worker now (shutdown, tests); a later render starts another. */
    async close(): Promise<void> {
      await stop();
    },
    /** Whether a worker thread is running now. */
    get usesWorker(): boolean {
      return worker !== null;
    },
  };
}

export type AgendaRenderer = ReturnType<typeof createAgendaRenderer>;

/** The process's renderer (stateless, so every app in a test process may share it). */
export const agendaRenderer = createAgendaRenderer();
