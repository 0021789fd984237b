import { startMinutes, type MinutesContent } from '../../domain/minutes.js';
import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { draftsRepository } from '../../store/drafts-repository.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import type { AppContext } from '../app-context.js';

/**
 * Saves the minutes (school leader or minute taker). The first save after the
 * meeting has started moves the conversation to "minutes drafted".
 */
export async function saveMinutes(ctx: AppContext, actor: Actor, id: string, version: number, content: MinutesContent): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stored = await loadReadableConversation(tx, actor, id, true);
    if (!conversationPolicy.canEditMinutes(actor, stored.conversation)) throw new AppError('FORBIDDEN');
    const unknownItems = Object.keys(content.itemNotes).filter((key) => !stored.conversation.template.items.some((i) => i.key === key));
    if (unknownItems.length > 0) throw new AppError('VALIDATION_FAILED', { field: 'itemNotes', unknownItems });
    const drafted = startMinutes(stored.conversation, ctx.now());
    if (drafted.status !== stored.conversation.status) await conversationRepository.update(tx, drafted, stored.version);
    await minutesRepository.save(tx, id, content, version, actor.upn);
    await draftsRepository.remove(tx, id, actor.upn, 'minutes');
  });
}
