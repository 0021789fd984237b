import { AppError } from '../../domain/errors.js';
import { conversationPolicy } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { preparationAnswersRepository } from '../../store/preparation-answers-repository.js';
import { preparationQuestionsFor } from './preparation-questions.js';
import type { AppContext } from '../app-context.js';

/** A participant's answers to their own preparation questions (from the chat card); other question ids are dropped. */
export async function submitPreparation(ctx: AppContext, upn: string, conversationId: string, answers: Record<string, string>) {
  await ctx.db.transaction(async (tx) => {
    const stored = await conversationRepository.get(tx, conversationId);
    if (!stored || !conversationPolicy.isParticipant({ upn }, stored.conversation)) throw new AppError('FORBIDDEN');
    if (['cancelled', 'published', 'minutesApproved'].includes(stored.conversation.status)) throw new AppError('FORBIDDEN');
    const allowed = new Set(preparationQuestionsFor(stored.conversation, upn).map((q) => q.id));
    const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => allowed.has(id)));
    await preparationAnswersRepository.save(tx, conversationId, upn, kept);
  });
}
