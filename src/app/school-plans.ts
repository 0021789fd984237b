import type { Actor } from '../policies/conversation-policy.js';
import { schoolPlansRepository, type PlanKind, type SchoolPlan } from '../store/school-plans-repository.js';
import { AppError } from './app-error.js';
import { checkUploadedFile, type UploadedFile } from './uploaded-file.js';
import type { AppContext } from './app-context.js';

/** The municipality (which makes the plans) and the school's own leader may register or remove a school's plan. */
function assertMayManage(ctx: AppContext, actor: Actor, schoolId: string) {
  const school = ctx.organisation.schools.find((s) => s.id === schoolId);
  if (!school) throw new AppError('SCHOOL_NOT_FOUND', { schoolId });
  if (!actor.isMunicipalLead && school.leaderUpn.toLowerCase() !== actor.upn.toLowerCase()) throw new AppError('FORBIDDEN');
  return school;
}

export async function viewSchoolPlan(ctx: AppContext, actor: Actor, schoolId: string): Promise<SchoolPlan | null> {
  assertMayManage(ctx, actor, schoolId);
  return schoolPlansRepository.get(ctx.db, schoolId);
}

export async function registerSchoolPlan(
  ctx: AppContext,
  actor: Actor,
  schoolId: string,
  kind: PlanKind,
  file: UploadedFile,
): Promise<void> {
  assertMayManage(ctx, actor, schoolId);
  const fileName = checkUploadedFile(file);
  await schoolPlansRepository.register(ctx.db, {
    schoolId,
    kind,
    fileName,
    contentType: file.contentType || 'application/octet-stream',
    sizeBytes: file.content.length,
    content: file.content,
    registeredBy: actor.upn,
  });
}

export async function removeSchoolPlan(ctx: AppContext, actor: Actor, schoolId: string): Promise<void> {
  assertMayManage(ctx, actor, schoolId);
  await schoolPlansRepository.remove(ctx.db, schoolId);
}

/** The plan that applies: registered in the app, or else the one the organisation file names. */
export async function schoolHasActionPlan(ctx: AppContext, schoolId: string): Promise<boolean> {
  if (await schoolPlansRepository.get(ctx.db, schoolId)) return true;
  return ctx.organisation.schools.some((s) => s.id === schoolId && s.actionPlan !== undefined);
}
