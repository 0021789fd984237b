import { summarizeEvaluations } from '../../domain/evaluation.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { evaluationsRepository } from '../../store/evaluations-repository.js';
import { AppError } from '../../domain/errors.js';
import { meetingRunsRepository } from '../../store/meeting-runs-repository.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { overrunsAcross, timeUse } from '../../domain/time-use.js';
import type { AppContext } from '../app-context.js';

/** Across conversations and school years: how the municipality's conversations are experienced. */
export async function municipalityEvaluation(ctx: AppContext, actor: Actor) {
  if (!actor.isMunicipalLead) throw new AppError('FORBIDDEN');
  const all = await evaluationsRepository.all(ctx.db);
  const years = [...new Set(all.map((e) => e.schoolYear))].sort();
  // Which agenda items run over, across the schools' meetings where the live agenda was used.
  const uses = [];
  for (const { conversationId, run } of await meetingRunsRepository.started(ctx.db)) {
    const stored = await conversationRepository.get(ctx.db, conversationId);
    if (stored) uses.push(timeUse(run, stored.conversation.template.items, ctx.now()));
  }
  return {
    overrunItems: overrunsAcross(uses),
    overall: summarizeEvaluations(all),
    conversations: new Set(all.map((e) => e.conversationId)).size,
    bySchoolYear: years.map((schoolYear) => ({ schoolYear, ...summarizeEvaluations(all.filter((e) => e.schoolYear === schoolYear)) })),
  };
}
