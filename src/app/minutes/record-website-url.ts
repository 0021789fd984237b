import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import type { AppContext } from '../app-context.js';

/** The school leader records where the school's website shows the note (§ 40 a, requirement 7). */
export async function recordWebsiteUrl(ctx: AppContext, actor: Actor, id: string, url: string): Promise<void> {
  const stored = await loadReadableConversation(ctx.db, actor, id);
  if (!conversationPolicy.canApproveMinutes(actor, stored.conversation)) throw new AppError('FORBIDDEN');
  if (!(await minutesRepository.setWebsiteUrl(ctx.db, id, url))) throw new AppError('MINUTES_NOT_APPROVED');
}
