import {
  assertEvaluationOpen,
  evaluationClosedReason,
  summarizeEvaluations,
  type EvaluationAnswer,
  type EvaluationSummary,
} from '../domain/evaluation.js';
import { conversationPolicy, type Actor } from '../policies/conversation-policy.js';
import { conversationRepository } from '../store/conversation-repository.js';
import { evaluationsRepository } from '../store/evaluations-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { AppError } from './app-error.js';
import type { AppContext } from './app-context.js';

/** An evaluation from the chat card; only a participant, only while it is open. */
export async function submitEvaluation(ctx: AppContext, upn: string, conversationId: string, answer: EvaluationAnswer): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stored = await conversationRepository.get(tx, conversationId);
    if (!stored || !conversationPolicy.isParticipant({ upn }, stored.conversation)) throw new AppError('FORBIDDEN');
    assertEvaluationOpen(stored.conversation.status, stored.conversation.startsAt, ctx.now());
    await evaluationsRepository.save(tx, conversationId, upn, answer);
  });
}

export async function ownEvaluation(ctx: AppContext, upn: string, conversationId: string) {
  const stored = await conversationRepository.get(ctx.db, conversationId);
  if (!stored || !conversationPolicy.isParticipant({ upn }, stored.conversation)) throw new AppError('FORBIDDEN');
  const mine = (await evaluationsRepository.forConversation(ctx.db, conversationId)).find((e) => e.upn === upn.toLowerCase()) ?? null;
  const open = evaluationClosedReason(stored.conversation.status, stored.conversation.startsAt, ctx.now()) === null;
  return { conversation: stored.conversation, answer: mine, open };
}

/** The conversation's aggregate, for its participants and the municipality. */
export async function viewEvaluation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
): Promise<EvaluationSummary & { invited: number }> {
  const { conversation } = await loadReadableConversation(ctx.db, actor, conversationId);
  const evaluations = await evaluationsRepository.forConversation(ctx.db, conversationId);
  return { ...summarizeEvaluations(evaluations), invited: conversation.participants.filter((p) => p.response !== 'declined').length };
}

/** Across conversations and school years: how the municipality's conversations are experienced. */
export async function municipalityEvaluation(ctx: AppContext, actor: Actor) {
  if (!actor.isMunicipalLead) throw new AppError('FORBIDDEN');
  const all = await evaluationsRepository.all(ctx.db);
  const years = [...new Set(all.map((e) => e.schoolYear))].sort();
  return {
    overall: summarizeEvaluations(all),
    conversations: new Set(all.map((e) => e.conversationId)).size,
    bySchoolYear: years.map((schoolYear) => ({ schoolYear, ...summarizeEvaluations(all.filter((e) => e.schoolYear === schoolYear)) })),
  };
}
