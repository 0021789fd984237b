import { AppError } from '../../domain/errors.js';
import { conversationPolicy } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { preparationAnswersRepository } from '../../store/preparation-answers-repository.js';
import type { PreparationPrompt } from '../ports/chat-sender.js';
import { preparationQuestionsFor } from './preparation-questions.js';
import type { AppContext } from '../app-context.js';

/** A participant's preparation questions with their own answers, for drawing their card. */
export async function ownPreparation(ctx: AppContext, upn: string, conversationId: string): Promise<PreparationPrompt> {
  const stored = await conversationRepository.get(ctx.db, conversationId);
  if (!stored || !conversationPolicy.isParticipant({ upn }, stored.conversation)) throw new AppError('CONVERSATION_NOT_FOUND');
  const own = (await preparationAnswersRepository.forConversation(ctx.db, conversationId)).find((a) => a.upn === upn.toLowerCase());
  return {
    conversationId,
    schoolName: stored.conversation.schoolName,
    startsAt: stored.conversation.startsAt,
    questions: preparationQuestionsFor(stored.conversation, upn),
    answers: own?.answers ?? null,
  };
}
