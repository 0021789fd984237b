/**
 * One Graph request described as data, so the same description can be sent
 * alone or inside a JSON batch. `parse` turns the response body into our type
 * through a zod schema (Graph responses are a boundary too).
 */
export interface GraphCall<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path below the version segment, e.g. "/users/a@b/events". */
  url: string;
  body?: unknown;
  /** Binary bodies (file content); sent base64 inside a batch. */
  binary?: { content: Uint8Array; contentType: string };
  headers?: Record<string, string>;
  parse: (body: unknown) => T;
}
