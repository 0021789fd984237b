import type { Actor } from '../../policies/conversation-policy.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

/** The municipality (which makes the plans) and the school's own leader may register or remove a school's plan. */
export function assertMayManage(ctx: AppContext, actor: Actor, schoolId: string) {
  const school = ctx.organisation.schools.find((s) => s.id === schoolId);
  if (!school) throw new AppError('SCHOOL_NOT_FOUND', { schoolId });
  if (!actor.isMunicipalLead && school.leaderUpn.toLowerCase() !== actor.upn.toLowerCase()) throw new AppError('FORBIDDEN');
  return school;
}
