import type { Middleware, TurnContext } from '@microsoft/agents-hosting';
import { SlidingWindowLimiter, teamsConversationLimits, type RateWindow } from '../src/m365/teams-rate-limits.js';

/**
 * Keeps this process's proactive messages under Teams' limits, so a fan-out
 * to a whole municipality is fast without a storm of 429s. The tenant limit is
 * taken a little below 50/s: our clock and Teams' never agree to the
 * millisecond, and a 429 costs more than the margin.
 */
export const pacedTenantLimits: RateWindow[] = [{ limit: 49, windowMs: 1_050 }];

/** Teams' per-conversation windows, each a little longer, for the same reason. */
export const pacedConversationLimits: RateWindow[] = teamsConversationLimits.map((w) => ({ ...w, windowMs: w.windowMs + 100 }));

export class ChatPacer {
  private readonly tenant: SlidingWindowLimiter;
  private readonly conversations = new SlidingWindowLimiter(pacedConversationLimits);

  constructor(
    tenantLimits: RateWindow[] = pacedTenantLimits,
    private readonly clock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.tenant = new SlidingWindowLimiter(tenantLimits);
  }

  /** Waits until one more message to this chat fits every window, then takes the slot. */
  async acquire(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.clock();
      const wait = Math.max(this.tenant.delayFor('tenant', now), this.conversations.delayFor(conversationId, now));
      if (wait <= 0) {
        this.tenant.record('tenant', now);
        this.conversations.record(conversationId, now);
        return;
      }
      await this.sleep(wait);
    }
  }
}

/**
 * Every message the bot sends or updates — a proactive prompt or a reply to
 * "hjælp" — waits for its slot, so replies and a running fan-out share one
 * budget and neither is dropped with a 429. Invoke responses travel in the
 * HTTP response, not through the connector, and are not paced.
 */
export function pacingMiddleware(pacer: ChatPacer): Middleware {
  const paced = (type: string | undefined) => type !== 'invokeResponse' && type !== 'trace';
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      context.onSendActivities(async (ctx, activities, send) => {
        for (const activity of activities) if (paced(activity.type)) await pacer.acquire(ctx.activity.conversation!.id);
        return send();
      });
      context.onUpdateActivity(async (ctx, _activity, send) => {
        await pacer.acquire(ctx.activity.conversation!.id);
        return send();
      });
      await next();
    },
  };
}
