import { schoolYearOf } from '../domain/school-year.js';
import type { Actor } from '../policies/conversation-policy.js';
import { conversationPolicy } from '../policies/conversation-policy.js';
import { AppError } from './app-error.js';
import type { AppContext } from './app-context.js';

/** § 40 a, requirement 1: which schools have no conversation (planned or held, not cancelled) this school year. */
export async function municipalityOverview(
  ctx: AppContext,
  actor: Actor,
): Promise<{ schoolYear: string; schoolsWithout: { id: string; name: string }[] }> {
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  const schoolYear = schoolYearOf(ctx.now());
  const rows = await ctx.db.query<{ school_id: string }>(
    `select distinct school_id from conversations where school_year = $1 and status <> 'cancelled'`,
    [schoolYear],
  );
  const covered = new Set(rows.map((r) => r.school_id));
  return {
    schoolYear,
    schoolsWithout: ctx.organisation.schools.filter((s) => !covered.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
  };
}
