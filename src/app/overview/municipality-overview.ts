import { schoolYearOf } from '../../domain/school-year.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { conversationPolicy } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

/** § 40 a, requirement 1: which schools have no conversation (planned or held, not cancelled) this school year. */
export async function municipalityOverview(
  ctx: AppContext,
  actor: Actor,
): Promise<{ schoolYear: string; schoolsWithout: { id: string; name: string }[] }> {
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  const schoolYear = schoolYearOf(ctx.now());
  const covered = await conversationRepository.schoolsWithConversation(ctx.db, schoolYear);
  return {
    schoolYear,
    schoolsWithout: ctx.organisation.schools.filter((s) => !covered.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
  };
}
