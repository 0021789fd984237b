import { AppError } from '../../domain/errors.js';
import { queuedJobs } from '../../jobs/job-queue.js';
import { conversationSyncJob } from '../job-kinds.js';
import type { AppContext } from '../app-context.js';

const measured = new WeakMap<AppContext, { at: number; depth: number }>();

/**
 * Back-pressure for "Plan samtale": past a backlog of conversations waiting
 * for Microsoft 365, a new plan is turned away with 503 and when to come
 * back, rather than queued behind thousands it cannot overtake. Nothing is
 * stored; the plan page keeps what the person typed. The backlog is counted
 * at most twice a second.
 */
export async function assertRoomForPlans(ctx: AppContext): Promise<void> {
  const now = Date.now();
  let seen = measured.get(ctx);
  if (!seen || now - seen.at > 500) {
    seen = { at: now, depth: await queuedJobs(ctx.db, conversationSyncJob.kind) };
    measured.set(ctx, seen);
  }
  if (seen.depth >= ctx.limits.planBacklog) {
    // Come back when about a tenth of the backlog has gone (the runner drains tens a second).
    throw new AppError('BUSY', { retryAfterSeconds: Math.min(60, Math.max(2, Math.ceil(seen.depth / 500))) });
  }
}
