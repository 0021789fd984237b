import { schoolPlansRepository } from '../../store/school-plans-repository.js';
import type { AppContext } from '../app-context.js';

/** The plan that applies: registered in the app, or else the one the organisation file names. */
export async function schoolHasActionPlan(ctx: AppContext, schoolId: string): Promise<boolean> {
  if (await schoolPlansRepository.get(ctx.db, schoolId)) return true;
  return ctx.organisation.schools.some((s) => s.id === schoolId && s.actionPlan !== undefined);
}
