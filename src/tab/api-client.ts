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
