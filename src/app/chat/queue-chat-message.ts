import type { Queryable } from '../../store/database.js';
import { chatOutboxRepository, type ChatMessageKind } from '../../store/chat-outbox-repository.js';
import { chatDeliveryJob } from '../job-kinds.js';

/**
 * Puts a chat message in the outbox and a delivery job in the queue, in the
 * caller's transaction. The key makes it idempotent: the same prompt for the
 * same person (a round, a reminder, a welcome) is queued once, ever.
 * Jobs are grouped per person, so one person's messages arrive in order.
 */
export async function queueChatMessage(
  tx: Queryable,
  message: { key: string; upn: string; kind: ChatMessageKind; conversationId: string | null; payload?: Record<string, unknown> },
): Promise<boolean> {
  const id = await chatOutboxRepository.add(tx, { ...message, payload: message.payload ?? {} });
  if (id === null) return false;
  await chatDeliveryJob.enqueue(tx, { outboxId: id, upn: message.upn });
  return true;
}

/** Asks for a sent card to be redrawn in place with its current state (a round closed, say). */
export async function queueCardUpdate(
  tx: Queryable,
  targetKey: string,
  upn: string,
  conversationId: string,
  reason: string,
): Promise<boolean> {
  return queueChatMessage(tx, { key: `update:${reason}:${targetKey}`, upn, kind: 'cardUpdate', conversationId, payload: { targetKey } });
}

export const reflectionPromptKey = (roundId: string, upn: string) => `reflection:${roundId}:${upn.toLowerCase()}`;
