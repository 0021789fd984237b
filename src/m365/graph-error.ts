/** A Graph failure with what the job runner needs to decide and wait: status, Graph's code, Retry-After. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(`Graph ${status} ${code}: ${message}`);
    this.name = 'GraphError';
  }

  get retryable(): boolean {
    return [408, 412, 429, 500, 502, 503, 504].includes(this.status);
  }
}

export function retryAfterToMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
