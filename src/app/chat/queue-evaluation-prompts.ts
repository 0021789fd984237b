import { duePrompts } from '../../domain/chat-schedule.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { queueChatMessage } from './queue-chat-message.js';
import type { AppContext } from '../app-context.js';

/** Teams said the meeting ended: the evaluation goes out now (the same keys as the scheduler's, so once). */
export async function queueEvaluationPrompts(ctx: AppContext, conversationId: string): Promise<number> {
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
