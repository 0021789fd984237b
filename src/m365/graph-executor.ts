import {
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { GraphError, retryAfterToMs } from './graph-error.js';
import type { GraphCall } from './graph-call.js';
import { traced } from '../telemetry/tracing.js';

export interface GraphExecutorOptions {
  /** "https://graph.microsoft.com" in Microsoft 365 mode; the sandbox's base URL locally. */
  baseUrl: string;
  /** graph-client's AuthenticationHandler with MSAL tokens, or the sandbox's stand-in. */
  authentication: Middleware;
  /** How often a throttled request inside a batch is sent again. */
  batchRetries?: number;
  /** Upper bound on one Retry-After wait, so a job yields its worker instead of sleeping for minutes. */
  maxRetryWaitMs?: number;
  /**
   * How long a batch waits for one more call: it leaves once no call has come
   * for this long (or when it is full, or `maxBatchWaitMs` after its first
   * call). 0 = the calls made in the same turn of the event loop. A few
   * milliseconds let the syncs of many conversations — each reading the
   * database first — land in the same batches.
   */
  batchWindowMs?: number;
  maxBatchWaitMs?: number;
}

/** Graph allows at most 20 requests in one JSON batch. */
export const maxBatchSize = 20;

interface Waiting {
  call: GraphCall<unknown>;
  attempt: number;
  resolve: (value: unknown) => void;
  reject: (error: GraphError) => void;
}

/**
 * The one place Graph requests leave the process. Every call joins the JSON
 * batch being collected (20 per round trip): independent calls that a use
 * case makes together, or that several jobs make at once, share round trips
 * without anyone above the adapters knowing about batches. A batch of one is
 * sent as a plain request through graph-client's middleware (auth, and its
 * RetryHandler for 429/503/504 with Retry-After). Throttled requests inside a
 * batch are sent again here, after their own Retry-After. Callers never loop.
 */
export class GraphExecutor {
  private readonly client: Client;
  private queue: Waiting[] = [];
  private flushScheduled = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private firstQueuedAt = 0;
  /** HTTP round trips made, for the benchmark and the tests. */
  roundTrips = 0;

  constructor(private readonly options: GraphExecutorOptions) {
    const url = new URL(options.baseUrl);
    // graph-client's default chain, with the authentication step chosen by the caller.
    // Without Retry-After the RetryHandler waits 1 s, then backs off exponentially.
    const middleware: Middleware[] = [
      options.authentication,
      new RetryHandler(new RetryHandlerOptions(1, 5)),
      new RedirectHandler(new RedirectHandlerOptions()),
      new HTTPMessageHandler(),
    ];
    this.client = Client.initWithMiddleware({
      middleware,
      baseUrl: options.baseUrl.replace(/\/$/, ''),
      defaultVersion: 'v1.0',
      customHosts: url.hostname === 'graph.microsoft.com' ? undefined : new Set([url.hostname]),
    });
  }

  /** Sends one call (in the batch being collected) and resolves with its parsed response, or rejects with a GraphError. */
  send<T>(call: GraphCall<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => this.enqueue({ call, attempt: 0, resolve: resolve as (v: unknown) => void, reject }));
  }

  private enqueue(waiting: Waiting): void {
    this.queue.push(waiting);
    if (this.queue.length >= maxBatchSize) return void this.flush();
    const window = this.options.batchWindowMs ?? 0;
    if (window > 0) {
      // Debounced: each call gives the batch a little longer, up to the cap from its first call.
      if (this.queue.length === 1) this.firstQueuedAt = Date.now();
      if (this.idleTimer) clearTimeout(this.idleTimer);
      const cap = this.options.maxBatchWaitMs ?? 50;
      const wait = Math.max(0, Math.min(window, this.firstQueuedAt + cap - Date.now()));
      this.idleTimer = setTimeout(() => this.flush(), wait);
      return;
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const taken = this.queue.splice(0, this.queue.length);
    for (let start = 0; start < taken.length; start += maxBatchSize) {
      const chunk = taken.slice(start, start + maxBatchSize);
      void (chunk.length === 1
        ? traced('graph.request', { 'graph.method': chunk[0]!.call.method, 'graph.requests': 1 }, () => this.sendAlone(chunk[0]!))
        : traced('graph.batch', { 'graph.requests': chunk.length }, () => this.sendBatch(chunk)));
    }
  }

  private async sendAlone(waiting: Waiting): Promise<void> {
    try {
      waiting.resolve(await this.request(waiting.call));
    } catch (error) {
      waiting.reject(toGraphError(error));
    }
  }

  private async request<T>(call: GraphCall<T>): Promise<T> {
    this.roundTrips++;
    let request = this.client.api(call.url);
    for (const [name, value] of Object.entries(call.headers ?? {})) request = request.header(name, value);
    // graph-client copies a typed array's whole underlying buffer; a Buffer of our own bytes is sent as is.
    const body = call.binary ? Buffer.from(call.binary.content) : call.body;
    if (call.binary) request = request.header('Content-Type', call.binary.contentType);
    const response = await (async () => {
      switch (call.method) {
        case 'GET':
          return request.get();
        case 'POST':
          return request.post(body ?? {});
        case 'PATCH':
          return request.patch(body);
        case 'PUT':
          return request.put(body);
        case 'DELETE':
          return request.delete();
      }
    })();
    return call.parse(response ?? {});
  }

  private async sendBatch(chunk: Waiting[]): Promise<void> {
    const responses = await this.postBatch(chunk.map((w, index) => ({ id: String(index), call: w.call })));
    const retries = this.options.batchRetries ?? 4;
    const throttled: { waiting: Waiting; waitMs: number }[] = [];
    chunk.forEach((waiting, index) => {
      const response = responses.get(String(index));
      if (response && response.status < 300) {
        try {
          waiting.resolve(waiting.call.parse(decodeBody(response.body)));
        } catch (error) {
          waiting.reject(new GraphError(502, 'UnparsableResponse', String(error)));
        }
        return;
      }
      const error = response
        ? errorFromBody(response.status, decodeBody(response.body), response.headers?.['Retry-After'] ?? response.headers?.['retry-after'])
        : new GraphError(502, 'MissingBatchResponse', `No response for request ${index}`);
      if (error.retryable && waiting.attempt < retries) {
        // Graph's Retry-After (even 0) wins; without one, back off exponentially.
        throttled.push({ waiting, waitMs: error.retryAfterMs ?? 200 * 2 ** waiting.attempt });
      } else {
        waiting.reject(error);
      }
    });
    for (const { waiting, waitMs } of throttled) {
      setTimeout(() => this.enqueue({ ...waiting, attempt: waiting.attempt + 1 }), Math.min(waitMs, this.options.maxRetryWaitMs ?? 10_000));
    }
  }

  private async postBatch(entries: { id: string; call: GraphCall<unknown> }[]): Promise<Map<string, BatchResponse>> {
    const requests = entries.map(({ id, call }) => ({
      id,
      method: call.method,
      url: call.url,
      ...(call.binary
        ? {
            body: Buffer.from(call.binary.content).toString('base64'),
            headers: { ...call.headers, 'Content-Type': call.binary.contentType },
          }
        : call.body !== undefined
          ? { body: call.body, headers: { ...call.headers, 'Content-Type': 'application/json' } }
          : call.headers
            ? { headers: call.headers }
            : {}),
    }));
    this.roundTrips++;
    try {
      const result = (await this.client.api('/$batch').post({ requests })) as { responses?: BatchResponse[] };
      return new Map((result.responses ?? []).map((r) => [String(r.id), r]));
    } catch (error) {
      // The whole batch failed (e.g. throttled before it was read): every call gets that error.
      const graphError = toGraphError(error);
      const headers: Record<string, string> =
        graphError.retryAfterMs !== undefined ? { 'Retry-After': String(graphError.retryAfterMs / 1000) } : {};
      const body = { error: { code: graphError.code, message: graphError.message } };
      return new Map(entries.map(({ id }): [string, BatchResponse] => [id, { id, status: graphError.status, body, headers }]));
    }
  }
}

interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Inner responses to binary requests come back base64-encoded (Graph does this by design). */
function decodeBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
  } catch {
    return body;
  }
}

function errorFromBody(status: number, body: unknown, retryAfter?: string): GraphError {
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new GraphError(status, error?.code ?? 'Unknown', error?.message ?? '', retryAfterToMs(retryAfter));
}

function toGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  const e = error as { statusCode?: number; code?: string; message?: string; headers?: Headers };
  const status = typeof e.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : 503;
  return new GraphError(status, e.code ?? 'NetworkError', e.message ?? String(error), retryAfterToMs(e.headers?.get?.('Retry-After')));
}
