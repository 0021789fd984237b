import { cancelConversation } from '../../domain/conversation.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { requestSync } from './request-sync.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

/**
 * "Aflys samtale": the conversation is cancelled and the sync job cancels the
 * Outlook event for everyone, with the municipality's message if it wrote one.
 */
export async function cancelConversationCommand(ctx: AppContext, actor: Actor, id: string, version: number, message = ''): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { conversation } = await loadReadableConversation(tx, actor, id);
    if (!conversationPolicy.canCancel(actor)) throw new AppError('FORBIDDEN');
    const saved = await conversationRepository.update(tx, cancelConversation(conversation, message), version);
    await requestSync(tx, id, saved, ['cancellation']);
  });
  ctx.wakeJobs();
}
