import type { Actor } from '../../policies/conversation-policy.js';
import { schoolPlansRepository, type PlanKind } from '../../store/school-plans-repository.js';
import { checkUploadedFile, type UploadedFile } from '../uploaded-file.js';
import { assertMayManage } from './school-plan-access.js';
import type { AppContext } from '../app-context.js';

/** A school's handlingsplan or udviklingsplan, registered with its document (§ 40 a, requirement 6). */
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
