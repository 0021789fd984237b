import { RemoteError } from '../app/ports/remote-error.js';

/** A Graph failure: status, Graph's own error code, Retry-After. */
export class GraphError extends RemoteError {
  constructor(status: number, code: string, message: string, retryAfterMs?: number) {
    super(status, code, `Graph ${status} ${code}: ${message}`, retryAfterMs);
    this.name = 'GraphError';
  }
}

export function retryAfterToMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
