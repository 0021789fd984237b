import type { Middleware, TurnContext } from '@microsoft/agents-hosting';
import { teamsConversationLimits, type RateWindow } from '../src/m365/teams-rate-limits.js';
import { sendSlotMs } from '../src/m365/teams-send-slots.js';

/** Teams' per-conversation windows, each a little longer: our clock and Teams' never agree to the millisecond. */
export const pacedConversationLimits: RateWindow[] = teamsConversationLimits.map((w) => ({ ...w, windowMs: w.windowMs + 100 }));

/**
 * Where send slots are reserved: in Microsoft 365 mode and locally alike the
 * database (src/store/send-slots-repository.ts), so every instance of the app
 * shares one budget. Answers how long to wait before sending.
 */
export type SendSlots = (tenantId: string, conversationId: string) => Promise<{ waitMs: number }>;

/**
 * How late a woken message may still use its slot: a second spans at most 48
 * slots, so two slots' lateness still keeps any second at 50 or fewer.
 */
const lateToleranceMs = 2 * sendSlotMs;

/**
 * Keeps the bot's messages — across all instances — under Teams' limits, so a
 * fan-out to a whole municipality is fast without a storm of 429s: each
 * message reserves its slot, then waits for it.
 */
export class ChatPacer {
  constructor(
    private readonly slots: SendSlots,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Waits until one more message to this chat fits every window, its slot
   * taken. Woken more than two slots late (a busy moment), the message would
   * go out together with the ones after it: it takes a fresh slot instead
   * (twice at most; the old one stays a gap).
   */
  async acquire(tenantId: string, conversationId: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const { waitMs } = await this.slots(tenantId, conversationId);
      const due = this.clock() + waitMs;
      if (waitMs > 0) await this.sleep(waitMs);
      if (this.clock() - due <= lateToleranceMs || attempt >= 2) return;
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
  const keys = (ctx: TurnContext): [string, string] => [ctx.activity.conversation?.tenantId ?? '', ctx.activity.conversation!.id];
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      context.onSendActivities(async (ctx, activities, send) => {
        for (const activity of activities) if (paced(activity.type)) await pacer.acquire(...keys(ctx));
        return send();
      });
      context.onUpdateActivity(async (ctx, _activity, send) => {
        await pacer.acquire(...keys(ctx));
        return send();
      });
      await next();
    },
  };
}
