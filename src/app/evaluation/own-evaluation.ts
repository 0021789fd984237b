import { evaluationClosedReason } from '../../domain/evaluation.js';
import { conversationPolicy } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { evaluationsRepository } from '../../store/evaluations-repository.js';
import { AppError } from '../../domain/errors.js';
import type { EvaluationPrompt } from '../ports/chat-sender.js';
import type { AppContext } from '../app-context.js';

/** A participant's own evaluation and whether it is still open, for drawing their card. */
export async function ownEvaluation(ctx: AppContext, upn: string, conversationId: string): Promise<EvaluationPrompt> {
  const stored = await conversationRepository.get(ctx.db, conversationId);
  if (!stored || !conversationPolicy.isParticipant({ upn }, stored.conversation)) throw new AppError('FORBIDDEN');
  const mine = (await evaluationsRepository.forConversation(ctx.db, conversationId)).find((e) => e.upn === upn.toLowerCase()) ?? null;
  const open = evaluationClosedReason(stored.conversation.status, stored.conversation.startsAt, ctx.now()) === null;
  return { conversationId, schoolName: stored.conversation.schoolName, answer: mine, open };
}
