import type { Actor } from '../../policies/conversation-policy.js';
import { m365LinksRepository } from '../../store/m365-links-repository.js';
import { AppError } from '../../domain/errors.js';
import { loadReadableConversation } from './load-conversation.js';
import type { AppContext } from '../app-context.js';

/** The meeting side panel knows only its meeting chat; this finds the conversation (linked by Graph's chat id), if the person may see it. */
export async function findConversationByMeeting(ctx: AppContext, actor: Actor, chatId: string): Promise<string> {
  const id = await m365LinksRepository.conversationByChatThread(ctx.db, chatId);
  if (!id) throw new AppError('CONVERSATION_NOT_FOUND');
  await loadReadableConversation(ctx.db, actor, id);
  return id;
}
