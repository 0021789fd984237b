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
import type { GraphCall, GraphOutcome } from './graph-call.js';

export interface GraphExecutorOptions {
  /** "https://graph.microsoft.com" in Microsoft 365 mode; the sandbox's base URL locally. */
  baseUrl: string;
  /** graph-client's AuthenticationHandler with MSAL tokens, or the sandbox's stand-in. */
  authentication: Middleware;
  /** How often a batch re-sends its throttled inner requests. */
  batchRetries?: number;
  /** Upper bound on one Retry-After wait, so a job yields its worker instead of sleeping for minutes. */
  maxRetryWaitMs?: number;
}

/** Graph allows at most 20 requests in one JSON batch. */
export const maxBatchSize = 20;

/**
 * The one place Graph requests leave the process. Single requests go through
 * graph-client's middleware (auth, and its RetryHandler for 429/503/504 with
 * Retry-After). A batch is one HTTP request whose inner responses carry their
 * own statuses; throttled inner requests are re-sent here, honouring their
 * Retry-After. Callers never loop themselves.
 */
export class GraphExecutor {
  private readonly client: Client;
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

  async run<T>(call: GraphCall<T>): Promise<T> {
    this.roundTrips++;
    try {
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
    } catch (error) {
      throw toGraphError(error);
    }
  }

  /**
   * Sends independent calls as JSON batches (20 per request). Returns one
   * outcome per call, in order; a call that still fails after the retries is an
   * error outcome, so one broken upload does not hide a sent invitation.
   */
  async batch<T>(calls: readonly GraphCall<T>[]): Promise<GraphOutcome<T>[]> {
    const outcomes: (GraphOutcome<T> | undefined)[] = new Array(calls.length);
    let pending = calls.map((_, index) => index);
    const retries = this.options.batchRetries ?? 4;
    for (let attempt = 0; pending.length > 0; attempt++) {
      let waitMs: number | null = null;
      const stillThrottled: number[] = [];
      for (let start = 0; start < pending.length; start += maxBatchSize) {
        const chunk = pending.slice(start, start + maxBatchSize);
        const responses = await this.sendBatch(chunk.map((index) => ({ id: String(index), call: calls[index]! })));
        for (const index of chunk) {
          const response = responses.get(String(index));
          const call = calls[index]!;
          if (response && response.status < 300) {
            try {
              outcomes[index] = { ok: true, value: call.parse(decodeBody(response.body)) };
            } catch (error) {
              outcomes[index] = { ok: false, error: new GraphError(502, 'UnparsableResponse', String(error)) };
            }
            continue;
          }
          const error = response
            ? errorFromBody(
                response.status,
                decodeBody(response.body),
                response.headers?.['Retry-After'] ?? response.headers?.['retry-after'],
              )
            : new GraphError(502, 'MissingBatchResponse', `No response for request ${index}`);
          outcomes[index] = { ok: false, error };
          if (error.retryable && attempt < retries) {
            stillThrottled.push(index);
            if (error.retryAfterMs !== undefined) waitMs = Math.max(waitMs ?? 0, error.retryAfterMs);
          }
        }
      }
      pending = stillThrottled;
      // Graph's Retry-After (even 0) wins; without one, back off exponentially.
      if (pending.length > 0) await sleep(Math.min(waitMs ?? 200 * 2 ** attempt, this.options.maxRetryWaitMs ?? 10_000));
    }
    return outcomes as GraphOutcome<T>[];
  }

  private async sendBatch(entries: { id: string; call: GraphCall<unknown> }[]): Promise<Map<string, BatchResponse>> {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
