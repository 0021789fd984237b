import type { Queryable } from '../../store/database.js';
import type { Conversation } from '../../domain/conversation.js';
import { queueChatMessage } from './queue-chat-message.js';

/**
 * Once the agenda is sent, every participant hears from the bot in chat: what
 * the conversation is, when, their role and the links. People added later get
 * theirs with the next sending; nobody gets it twice.
 */
export async function queueWelcomes(tx: Queryable, conversation: Conversation): Promise<void> {
  for (const participant of conversation.participants) {
    if (participant.response === 'declined' || participant.external) continue;
    await queueChatMessage(tx, {
      key: `welcome:${conversation.id}:${participant.upn.toLowerCase()}`,
      upn: participant.upn,
      kind: 'welcome',
      conversationId: conversation.id,
    });
  }
}
