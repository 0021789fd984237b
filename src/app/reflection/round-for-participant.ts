import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { AppError } from '../../domain/errors.js';
import type { ReflectionPrompt } from '../ports/chat-sender.js';
import type { AppContext } from '../app-context.js';

/** The round and the person's own answer, for drawing their card. */
export async function roundForParticipant(ctx: AppContext, upn: string, roundId: string): Promise<ReflectionPrompt> {
  const stored = await reflectionRoundsRepository.get(ctx.db, roundId);
  if (!stored) throw new AppError('ROUND_NOT_FOUND');
  const conversation = await conversationRepository.get(ctx.db, stored.round.conversationId);
  if (!conversation || !stored.round.invitedUpns.some((u) => u.toLowerCase() === upn.toLowerCase())) throw new AppError('FORBIDDEN');
  const item = conversation.conversation.template.items.find((i) => i.key === stored.round.itemKey);
  return {
    roundId,
    itemTitle: item?.title ?? stored.round.itemKey,
    questions: item?.reflectionQuestions ?? [],
    minutes: stored.round.minutes,
    roundStatus: stored.round.status,
    answer: await reflectionRoundsRepository.answerOf(ctx.db, roundId, upn),
  };
}
