import type { FaultInjector } from '../fault-injection.js';
import type { GraphStats } from './graph-router.js';
import { serveGraphOperation } from './graph-router.js';
import { GraphHttpError, graphErrorResponse, type GraphRequest, type GraphResponse, type SandboxGraphContext } from './graph-types.js';

interface BatchRequestEntry {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/**
 * POST /$batch: up to 20 requests, run in order of their dependsOn; a request
 * whose dependency failed gets 424. Non-JSON bodies arrive base64-encoded, and
 * their responses go back base64-encoded, as Graph does.
 */
export function serveBatch(ctx: SandboxGraphContext, faults: FaultInjector, stats: GraphStats, outer: GraphRequest): GraphResponse {
  const body = outer.json as { requests?: BatchRequestEntry[] } | undefined;
  const requests = body?.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    return graphErrorResponse(new GraphHttpError(400, 'BadRequest', 'Invalid batch payload format.'));
  }
  if (requests.length > 20) {
    return graphErrorResponse(new GraphHttpError(400, 'BadRequest', 'The number of batch requests exceeded the limit of 20.'));
  }
  const ids = new Set(requests.map((r) => r.id));
  if (ids.size !== requests.length) return graphErrorResponse(new GraphHttpError(400, 'BadRequest', 'Batch request ids must be unique.'));
  const results = new Map<string, { id: string; status: number; headers: Record<string, string>; body?: unknown }>();
  for (const entry of requests) {
    if ((entry.dependsOn ?? []).some((d) => !results.has(d) || results.get(d)!.status >= 400)) {
      results.set(entry.id, {
        id: entry.id,
        status: 424,
        headers: {},
        body: { error: { code: 'FailedDependency', message: 'A dependency failed.' } },
      });
      continue;
    }
    const url = new URL(entry.url.startsWith('/') ? `http://batch${entry.url}` : `http://batch/${entry.url}`);
    const headers = Object.fromEntries(Object.entries(entry.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const isJson = (headers['content-type'] ?? 'application/json').includes('json');
    const raw = entry.body !== undefined && !isJson ? Buffer.from(String(entry.body), 'base64') : null;
    const response = serveGraphOperation(ctx, faults, stats, {
      method: entry.method.toUpperCase(),
      path: url.pathname.replace(/^\/v1\.0/, ''),
      query: url.searchParams,
      headers: { ...headers, authorization: outer.headers['authorization'] ?? '' },
      json: isJson ? entry.body : undefined,
      raw,
    });
    const encodedBody = raw && response.body !== undefined ? Buffer.from(JSON.stringify(response.body)).toString('base64') : response.body;
    results.set(entry.id, { id: entry.id, status: response.status, headers: response.headers ?? {}, body: encodedBody });
  }
  return { status: 200, body: { responses: requests.map((r) => results.get(r.id)) } };
}
