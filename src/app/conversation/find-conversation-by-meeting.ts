import type { Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { AppError } from '../../domain/errors.js';
import { loadReadableConversation } from './load-conversation.js';
import type { AppContext } from '../app-context.js';

/** The meeting side panel knows only its meeting chat; this finds the conversation, if the person may see it. */
export async function findConversationByMeeting(ctx: AppContext, actor: Actor, chatId: string): Promise<string> {
  const id = await conversationRepository.idByMeetingThread(ctx.db, chatId);
  if (!id) throw new AppError('CONVERSATION_NOT_FOUND');
  await loadReadableConversation(ctx.db, actor, id);
  return id;
}
