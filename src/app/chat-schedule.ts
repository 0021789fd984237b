import { duePrompts, type ChatScheduleSettings, defaultChatSchedule } from '../domain/chat-schedule.js';
import { conversationRepository } from '../store/conversation-repository.js';
import { queueChatMessage } from './chat-messages.js';
import type { AppContext } from './app-context.js';

/**
 * The scheduler's tick: asks the domain which reminders, preparation cards and
 * evaluations are due and queues them. Safe to run as often as wanted and on
 * several instances at once — each prompt's key admits it once.
 */
export async function runChatSchedule(ctx: AppContext, settings: ChatScheduleSettings = defaultChatSchedule): Promise<number> {
  const now = ctx.now();
  const horizonDays = Math.max(...settings.reminderDaysBefore, settings.preparationDaysBefore) + 1;
  const candidates = await conversationRepository.listForSchedule(ctx.db, now, horizonDays);
  let queued = 0;
  await ctx.db.transaction(async (tx) => {
    for (const conversation of candidates) {
      for (const due of duePrompts(conversation, now, settings)) {
        for (const upn of due.recipients) {
          const added = await queueChatMessage(tx, {
            key: `${due.key}:${upn.toLowerCase()}`,
            upn,
            kind: due.kind,
            conversationId: conversation.id,
            payload: due.daysBefore !== undefined ? { daysBefore: due.daysBefore } : {},
          });
          if (added) queued++;
        }
      }
    }
  });
  if (queued > 0) ctx.wakeJobs();
  return queued;
}

/** Teams said the meeting ended: the evaluation goes out now (the same keys as the scheduler's, so once). */
export async function queueEvaluationPrompts(ctx: AppContext, joinUrl: string): Promise<number> {
  const conversationId = await conversationRepository.idByJoinUrl(ctx.db, joinUrl);
  if (!conversationId) return 0;
  const stored = await conversationRepository.get(ctx.db, conversationId);
  if (!stored) return 0;
  const endedNow = { ...stored.conversation, endsAt: new Date(Math.min(stored.conversation.endsAt.getTime(), ctx.now().getTime())) };
  let queued = 0;
  await ctx.db.transaction(async (tx) => {
    for (const due of duePrompts(endedNow, ctx.now()).filter((d) => d.kind === 'evaluation')) {
      for (const upn of due.recipients) {
        if (await queueChatMessage(tx, { key: `${due.key}:${upn.toLowerCase()}`, upn, kind: due.kind, conversationId })) queued++;
      }
    }
  });
  if (queued > 0) ctx.wakeJobs();
  return queued;
}
