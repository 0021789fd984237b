import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { sideEffectsRepository } from '../../store/side-effects-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { requestSync } from './request-sync.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

/** The tab's retry button: queue the Microsoft 365 work again for whatever failed. */
export async function retrySync(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { conversation, version } = await loadReadableConversation(tx, actor, id);
    if (!conversationPolicy.canRetrySideEffects(actor, conversation)) throw new AppError('FORBIDDEN');
    const failed = (await sideEffectsRepository.list(tx, id)).filter((s) => s.status !== 'done').map((s) => s.kind);
    await requestSync(tx, id, version, failed);
  });
  ctx.wakeJobs();
}
