import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { yearRepository } from '../../store/year-repository.js';
import type { AppContext } from '../app-context.js';

/** Why a school had no conversation this year, in the municipal lead's words (the committee's briefing says so). */
export async function recordNoConversationReason(
  ctx: AppContext,
  actor: Actor,
  schoolYear: string,
  schoolId: string,
  reason: string,
): Promise<void> {
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  if (!ctx.organisation.schools.some((s) => s.id === schoolId)) throw new AppError('SCHOOL_NOT_FOUND', { schoolId });
  await yearRepository.setReason(ctx.db, schoolYear, schoolId, reason, actor.upn);
}
