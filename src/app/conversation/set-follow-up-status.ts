import type { AgreementStatus } from '../../domain/follow-up.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { agreementsRepository } from '../../store/agreements-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { requestSync } from './request-sync.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

/** The school leader says where an earlier agreement stands; the agenda's follow-up item shows it. */
export async function setFollowUpStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  agreementId: string,
  status: AgreementStatus,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stored = await loadReadableConversation(tx, actor, id);
    if (!conversationPolicy.canEditSchoolPart(actor, stored.conversation)) throw new AppError('FORBIDDEN');
    const followed = await agreementsRepository.forFollowUp(
      tx,
      stored.conversation.schoolId,
      stored.conversation.startsAt,
      stored.createdAt,
    );
    if (!followed.some((a) => a.id === agreementId)) throw new AppError('AGREEMENT_NOT_FOUND', { agreementId });
    await agreementsRepository.setStatus(tx, agreementId, stored.conversation.schoolId, status, actor.upn);
    if (stored.conversation.status !== 'cancelled') await requestSync(tx, id, stored.version, ['agenda']);
  });
  ctx.wakeJobs();
}
