import { assertItemsEditable, changePlan, type PlanChanges } from '../../domain/conversation.js';
import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { requestSync } from './request-sync.js';
import type { AppContext } from '../app-context.js';

/**
 * Moves or edits a planned conversation. The municipality changes anything
 * (time, length, theme, topics, items) until the meeting begins; the school
 * leader edits the items until the agenda is sent. Saving updates the Outlook
 * event for everyone and the agenda document; the deadline and the bot's
 * schedule follow from the new time.
 */
export async function changePlanCommand(ctx: AppContext, actor: Actor, id: string, version: number, changes: PlanChanges): Promise<number> {
  const saved = await ctx.db.transaction(async (tx) => {
    const { conversation } = await loadReadableConversation(tx, actor, id, true);
    const timeOrTopicsChange =
      changes.startsAt.getTime() !== conversation.startsAt.getTime() ||
      changes.endsAt.getTime() !== conversation.endsAt.getTime() ||
      changes.theme !== conversation.theme ||
      JSON.stringify(changes.extraTopics) !== JSON.stringify(conversation.extraTopics);
    if (timeOrTopicsChange && !conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
    if (!conversationPolicy.canPlan(actor)) {
      if (!conversationPolicy.canEditSchoolPart(actor, conversation)) throw new AppError('FORBIDDEN');
      assertItemsEditable(conversation);
    }
    const changed = changePlan(conversation, changes, ctx.now());
    const next = await conversationRepository.update(tx, changed, version);
    await requestSync(tx, id, next, ['invitation', 'agenda']);
    return next;
  });
  ctx.wakeJobs();
  return saved;
}
