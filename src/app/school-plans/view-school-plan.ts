import type { Actor } from '../../policies/conversation-policy.js';
import { schoolPlansRepository, type SchoolPlan } from '../../store/school-plans-repository.js';
import { assertMayManage } from './school-plan-access.js';
import type { AppContext } from '../app-context.js';

export async function viewSchoolPlan(ctx: AppContext, actor: Actor, schoolId: string): Promise<SchoolPlan | null> {
  assertMayManage(ctx, actor, schoolId);
  return schoolPlansRepository.get(ctx.db, schoolId);
}

/** The plan's document, for downloading; null when none is registered. */
export async function schoolPlanDocument(ctx: AppContext, actor: Actor, schoolId: string) {
  assertMayManage(ctx, actor, schoolId);
  return schoolPlansRepository.document(ctx.db, schoolId);
}
