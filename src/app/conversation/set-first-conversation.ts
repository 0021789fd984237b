import { markFirstConversation } from '../../domain/conversation.js';
import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import type { AppContext } from '../app-context.js';

/**
 * "Ikke relevant – første samtale": the school has had no conversation before,
 * so there is nothing to follow up (§ 40 a, requirement 5). Offered only while
 * the app knows of no earlier conversation for the school.
 */
export async function setFirstConversation(ctx: AppContext, actor: Actor, id: string, version: number, first: boolean): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const { conversation } = await loadReadableConversation(tx, actor, id, true);
    if (!conversationPolicy.canPlan(actor) && !conversationPolicy.canEditSchoolPart(actor, conversation)) throw new AppError('FORBIDDEN');
    if (first && (await conversationRepository.countEarlier(tx, conversation.schoolId, conversation.startsAt)) > 0) {
      throw new AppError('VALIDATION_FAILED', { field: 'firstConversation' });
    }
    return conversationRepository.update(tx, markFirstConversation(conversation, first), version);
  });
}
