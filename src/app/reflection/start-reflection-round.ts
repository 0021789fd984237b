import { randomUUID } from 'node:crypto';
import { startRound } from '../../domain/reflection-round.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { announceMeetingChange } from '../../store/meeting-runs-repository.js';
import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import { queueChatMessage, reflectionPromptKey } from '../chat/queue-chat-message.js';
import { loadForFacilitator } from './facilitation.js';
import type { AppContext } from '../app-context.js';

/** "Start refleksionsrunde": each present participant gets the item's questions as a card in chat. */
export async function startReflectionRound(ctx: AppContext, actor: Actor, conversationId: string, itemKey: string): Promise<string> {
  const id = await ctx.db.transaction(async (tx) => {
    const conversation = await loadForFacilitator(tx, actor, conversationId);
    const existing = (await reflectionRoundsRepository.forConversation(tx, conversationId)).map((s) => s.round);
    const round = startRound(conversation, { id: randomUUID(), itemKey, openedBy: actor.upn }, existing, ctx.now());
    await reflectionRoundsRepository.insert(tx, round);
    // The side panel and the stage show who has answered and, once revealed, the answers.
    await announceMeetingChange(tx, conversationId);
    for (const upn of round.invitedUpns) {
      await queueChatMessage(tx, {
        key: reflectionPromptKey(round.id, upn),
        upn,
        kind: 'reflection',
        conversationId,
        payload: { roundId: round.id },
      });
    }
    return round.id;
  });
  ctx.wakeJobs();
  return id;
}
