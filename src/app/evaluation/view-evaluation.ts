import { summarizeEvaluations, type EvaluationSummary } from '../../domain/evaluation.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { evaluationsRepository } from '../../store/evaluations-repository.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import { meetingRunsRepository } from '../../store/meeting-runs-repository.js';
import { timeUse, type ItemTimeUse } from '../../domain/time-use.js';
import type { AppContext } from '../app-context.js';

/** The conversation's aggregate, for its participants and the municipality. */
export async function viewEvaluation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
): Promise<EvaluationSummary & { invited: number; timeUse: ItemTimeUse[] }> {
  const { conversation } = await loadReadableConversation(ctx.db, actor, conversationId);
  const evaluations = await evaluationsRepository.forConversation(ctx.db, conversationId);
  const run = await meetingRunsRepository.get(ctx.db, conversationId);
  return {
    ...summarizeEvaluations(evaluations),
    invited: conversation.participants.filter((p) => p.response !== 'declined').length,
    // How the meeting kept time belongs beside what the participants say about it ("samtale om samtalen").
    timeUse: timeUse(run?.run ?? null, conversation.template.items, ctx.now()),
  };
}
