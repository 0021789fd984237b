import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository, type StoredConversation } from '../../store/conversation-repository.js';
import type { Queryable } from '../../store/database.js';
import { AppError } from '../../domain/errors.js';

/** Loads a conversation the actor may read; "not found" also when they may not, so ids reveal nothing. */
export async function loadReadableConversation(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<StoredConversation> {
  const stored = await conversationRepository.get(db, id, { forUpdate });
  if (!stored || !conversationPolicy.canRead(actor, stored.conversation)) throw new AppError('CONVERSATION_NOT_FOUND', { id });
  return stored;
}
