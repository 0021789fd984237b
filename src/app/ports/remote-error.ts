/**
 * A refusal from a Microsoft 365 service (Graph, the Bot Connector), as the
 * use cases and the job runner need to see it: the HTTP status, the service's
 * own code, and how long the service asked us to wait. Adapters throw
 * subclasses; nothing above the ports knows which service it was.
 */
export class RemoteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RemoteError';
  }

  /** Throttling, timeouts and gateway errors get better with time; the rest (403, 404, 400) will not. */
  get retryable(): boolean {
    return [408, 412, 429, 500, 502, 503, 504].includes(this.status);
  }
}

/** Any failure as a RemoteError: a network error or a bug becomes a retryable 503, so the job tries again. */
export const asRemoteError = (error: unknown, code = 'Failed'): RemoteError =>
  error instanceof RemoteError ? error : new RemoteError(503, code, error instanceof Error ? error.message : String(error));
