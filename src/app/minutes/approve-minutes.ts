import { randomBytes } from 'node:crypto';
import { approveMinutes } from '../../domain/minutes.js';
import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { sideEffectsRepository } from '../../store/side-effects-repository.js';
import { agreementsRepository } from '../../store/agreements-repository.js';
import { chatOutboxRepository } from '../../store/chat-outbox-repository.js';
import { queueCardUpdate } from '../chat/queue-chat-message.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import { minutesPublishJob } from '../job-kinds.js';
import { guardContextFor } from './minutes-view.js';
import type { AppContext } from '../app-context.js';

/** The school leader approves; the publish job then puts both documents in SharePoint and tells the participants. */
export async function approveMinutesCommand(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stored = await loadReadableConversation(tx, actor, id, true);
    if (!conversationPolicy.canApproveMinutes(actor, stored.conversation)) throw new AppError('FORBIDDEN');
    const minutes = await minutesRepository.get(tx, id);
    if (minutes.version !== version) throw new AppError('VERSION_CONFLICT', { id });
    const approved = approveMinutes(stored.conversation, minutes.content, guardContextFor(ctx, stored));
    const approvedVersion = await conversationRepository.update(tx, approved, stored.version);
    await minutesRepository.markApproved(tx, id, actor.upn, randomBytes(18).toString('base64url'));
    // The agreements now go on to the school's next conversations until settled.
    await agreementsRepository.recordFromMinutes(
      tx,
      id,
      stored.conversation.schoolId,
      stored.conversation.startsAt,
      minutes.content.agreements,
    );
    for (const kind of ['minutesFiles', 'minutesMail'] as const) await sideEffectsRepository.request(tx, id, kind, approvedVersion);
    // The evaluation closes with the approval: every evaluation card in chat is redrawn as closed.
    for (const card of await chatOutboxRepository.sentFor(tx, id, 'evaluation'))
      await queueCardUpdate(tx, card.key, card.upn, id, 'closed');
    await minutesPublishJob.enqueue(tx, { conversationId: id });
  });
  ctx.wakeJobs();
}
