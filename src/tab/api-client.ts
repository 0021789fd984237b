import type * as z from 'zod/mini';
import type { Locale } from './i18n.js';

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  fields?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

type Schema = z.ZodMiniType;

export interface ApiClient {
  get<S extends Schema>(path: string, schema: S): Promise<z.output<S>>;
  send<S extends Schema>(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    schema: S,
    headers?: Record<string, string>,
  ): Promise<z.output<S>>;
  remove<S extends Schema>(path: string, schema: S): Promise<z.output<S>>;
  upload<S extends Schema>(
    path: string,
    file: File,
    schema: S,
    headers?: Record<string, string>,
    method?: 'POST' | 'PUT',
  ): Promise<z.output<S>>;
  /** Fetches a protected file and hands it to the browser as a download. */
  download(path: string, fileName: string): Promise<void>;
  /**
   * Follows a server-sent event stream: each event's data parsed with the
   * schema. A dropped connection is opened again (1 s, then longer, at most
   * 10 s); the server's first event is always the state now, so a view that
   * reconnects catches up. Returns a function that stops it.
   */
  stream<S extends Schema>(
    path: string,
    schema: S,
    onData: (data: z.output<S>) => void,
    onConnected?: (connected: boolean) => void,
  ): () => void;
}

/**
 * Calls the app's own API with the signed-in person's token and language.
 * Errors come back as {code, message} already in that language. Every
 * answer is parsed with the contract the server declared (src/api/), so the
 * tab never shows a half-understood response.
 */
export function createApiClient(getToken: () => Promise<string | null>, locale: () => Locale): ApiClient {
  async function request<S extends Schema>(
    method: string,
    path: string,
    schema: S,
    body?: BodyInit,
    headers: Record<string, string> = {},
  ): Promise<z.output<S>> {
    const token = await getToken();
    let response: Response;
    try {
      response = await fetch(`/api${path}`, {
        method,
        body,
        headers: { ...headers, 'Accept-Language': locale(), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
    } catch {
      throw new ApiError(0, { code: 'NETWORK', message: '' });
    }
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, json as ApiErrorBody);
    const parsed = schema['~standard'].validate(json);
    if (parsed instanceof Promise || parsed.issues) throw new ApiError(response.status, { code: 'UNEXPECTED_RESPONSE', message: '' });
    return parsed.value as z.output<S>;
  }
  return {
    get: (path, schema) => request('GET', path, schema),
    remove: (path, schema) => request('DELETE', path, schema),
    send: (method, path, body, schema, headers = {}) =>
      request(method, path, schema, body === undefined ? undefined : JSON.stringify(body), {
        'Content-Type': 'application/json',
        ...headers,
      }),
    upload: (path, file, schema, headers = {}, method = 'POST') =>
      request(method, path, schema, file, {
        'Content-Type': file.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
        ...headers,
      }),
    stream(path, schema, onData, onConnected) {
      let stopped = false;
      let controller: AbortController | null = null;
      (async () => {
        for (let failures = 0; !stopped;) {
          controller = new AbortController();
          try {
            const token = await getToken();
            const response = await fetch(`/api${path}`, {
              headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
              signal: controller.signal,
            });
            if (!response.ok || !response.body) throw new Error(String(response.status));
            onConnected?.(true);
            failures = 0;
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += value;
              for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
                const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
                buffer = buffer.slice(end + 2);
                if (!data) continue;
                const parsed = schema['~standard'].validate(JSON.parse(data));
                if (!(parsed instanceof Promise) && !parsed.issues) onData(parsed.value as never);
              }
            }
          } catch {
            // Dropped, refused or aborted: try again below unless stopped.
          }
          if (stopped) return;
          onConnected?.(false);
          failures++;
          await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1000 * 2 ** (failures - 1))));
        }
      })();
      return () => {
        stopped = true;
        controller?.abort();
      };
    },
    async download(path, fileName) {
      const token = await getToken();
      const response = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))) as ApiErrorBody);
      const url = URL.createObjectURL(await response.blob());
      Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
      URL.revokeObjectURL(url);
    },
  };
}
