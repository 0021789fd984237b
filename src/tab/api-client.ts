import type { Locale } from './i18n.js';

export interface ApiErrorBody {
  code: string;
  message: string;
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

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT', path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  remove<T>(path: string): Promise<T>;
  upload<T>(path: string, file: File, headers?: Record<string, string>, method?: 'POST' | 'PUT'): Promise<T>;
  /** Fetches a protected file and hands it to the browser as a download. */
  download(path: string, fileName: string): Promise<void>;
}

/**
 * Calls the app's own API with the signed-in person's token and language.
 * Errors come back as {code, message} already in that language.
 */
export function createApiClient(getToken: () => Promise<string | null>, locale: () => Locale): ApiClient {
  async function request<T>(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<T> {
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
    return json as T;
  }
  return {
    get: (path) => request('GET', path),
    remove: (path) => request('DELETE', path),
    send: (method, path, body, headers = {}) =>
      request(method, path, body === undefined ? undefined : JSON.stringify(body), { 'Content-Type': 'application/json', ...headers }),
    upload: (path, file, headers = {}, method = 'POST') =>
      request(method, path, file, {
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
