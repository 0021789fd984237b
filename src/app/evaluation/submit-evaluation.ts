import { assertEvaluationOpen, type EvaluationAnswer } from '../../domain/evaluation.js';
import { conversationPolicy } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { evaluationsRepository } from '../../store/evaluations-repository.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

/** An evaluation from the chat card; only a participant, only while it is open. */
export async function submitEvaluation(ctx: AppContext, upn: string, conversationId: string, answer: EvaluationAnswer): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stored = await conversationRepository.get(tx, conversationId);
    if (!stored || !conversationPolicy.isParticipant({ upn }, stored.conversation)) throw new AppError('FORBIDDEN');
    assertEvaluationOpen(stored.conversation.status, stored.conversation.startsAt, ctx.now());
    await evaluationsRepository.save(tx, conversationId, upn, answer);
  });
}
