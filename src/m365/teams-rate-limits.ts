/**
 * Teams' published limits for bots sending messages, and a sliding-window
 * limiter both sides use: the product paces itself with it, the sandbox's
 * Bot Connector enforces the same numbers with 429s.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
 */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Per bot per conversation (thread). */
export const teamsConversationLimits: RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3_600_000 },
];

/** Per app per tenant, all conversations together. */
export const teamsTenantLimits: RateWindow[] = [{ limit: 50, windowMs: 1_000 }];

/**
 * Remembers when each key sent, and says how long to wait before the next
 * send keeps every window under its limit. Pure over an injected clock.
 */
export class SlidingWindowLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly longestMs: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longestMs = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Milliseconds until `key` may send again (0 = now). */
  delayFor(key: string, now: number): number {
    const times = this.prune(key, now);
    let wait = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = times.filter((t) => t > now - windowMs);
      if (inWindow.length >= limit) wait = Math.max(wait, inWindow[inWindow.length - limit]! + windowMs - now);
    }
    return wait;
  }

  record(key: string, now: number): void {
    const times = this.prune(key, now);
    times.push(now);
    this.sent.set(key, times);
  }

  /** Takes the slot if it is free now; the sandbox uses this to decide 200 or 429. */
  tryTake(key: string, now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    const wait = this.delayFor(key, now);
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    this.record(key, now);
    return { ok: true };
  }

  private prune(key: string, now: number): number[] {
    const times = this.sent.get(key) ?? [];
    let drop = 0;
    while (drop < times.length && times[drop]! <= now - this.longestMs) drop++;
    const kept = drop > 0 ? times.slice(drop) : times;
    if (kept.length === 0) this.sent.delete(key);
    else this.sent.set(key, kept);
    return kept;
  }
}
