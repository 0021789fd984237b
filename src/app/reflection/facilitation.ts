import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import type { ReflectionRound } from '../../domain/reflection-round.js';
import type { Queryable } from '../../store/database.js';
import { AppError } from '../../domain/errors.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import { queueCardUpdate, reflectionPromptKey } from '../chat/queue-chat-message.js';

/** What the facilitator's actions on a round share: who may, which round, and redrawing the cards after. */
export async function loadForFacilitator(tx: Queryable, actor: Actor, conversationId: string) {
  const stored = await loadReadableConversation(tx, actor, conversationId, true);
  if (!conversationPolicy.canFacilitate(actor, stored.conversation)) throw new AppError('FORBIDDEN');
  return stored.conversation;
}

export async function loadRound(tx: Queryable, conversationId: string, roundId: string) {
  const stored = await reflectionRoundsRepository.get(tx, roundId, true);
  if (!stored || stored.round.conversationId !== conversationId) throw new AppError('ROUND_NOT_FOUND');
  return stored;
}

export async function queueCardUpdates(tx: Queryable, round: ReflectionRound, reason: string) {
  for (const upn of round.invitedUpns) {
    await queueCardUpdate(tx, reflectionPromptKey(round.id, upn), upn, round.conversationId, `${reason}`);
  }
}
