import { assertCanAnswer, type ReflectionRound } from '../../domain/reflection-round.js';
import { conversationPolicy } from '../../policies/conversation-policy.js';
import { announceMeetingChange } from '../../store/meeting-runs-repository.js';
import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

/**
 * An answer from the chat card. The person is who Teams says sent it; they
 * must be invited to the round, the round not closed. Returns the round so the
 * bot can draw the card's next face.
 */
export async function answerReflection(ctx: AppContext, upn: string, roundId: string, text: string): Promise<ReflectionRound> {
  return ctx.db.transaction(async (tx) => {
    const stored = await reflectionRoundsRepository.get(tx, roundId, true);
    if (!stored) throw new AppError('ROUND_NOT_FOUND');
    const conversation = await conversationRepository.get(tx, stored.round.conversationId);
    if (!conversation || !conversationPolicy.isParticipant({ upn }, conversation.conversation)) throw new AppError('FORBIDDEN');
    assertCanAnswer(stored.round, upn);
    await reflectionRoundsRepository.saveAnswer(tx, roundId, upn, text);
    // The side panel and the stage show who has answered and, once revealed, the answers.
    await announceMeetingChange(tx, stored.round.conversationId);
    return stored.round;
  });
}
