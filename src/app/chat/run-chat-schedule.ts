import { duePrompts, type ChatScheduleSettings, defaultChatSchedule } from '../../domain/chat-schedule.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { queueChatMessage } from './queue-chat-message.js';
import type { AppContext } from '../app-context.js';

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
