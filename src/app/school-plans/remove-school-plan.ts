import type { Actor } from '../../policies/conversation-policy.js';
import { schoolPlansRepository } from '../../store/school-plans-repository.js';
import { assertMayManage } from './school-plan-access.js';
import type { AppContext } from '../app-context.js';

export async function removeSchoolPlan(ctx: AppContext, actor: Actor, schoolId: string): Promise<void> {
  assertMayManage(ctx, actor, schoolId);
  await schoolPlansRepository.remove(ctx.db, schoolId);
}
