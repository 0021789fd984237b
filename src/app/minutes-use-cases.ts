import { randomBytes } from 'node:crypto';
import { approveMinutes, checkApproval, startMinutes, type ApprovalCheck, type MinutesContent } from '../domain/minutes.js';
import { conversationPolicy, type Actor } from '../policies/conversation-policy.js';
import { conversationRepository, type StoredConversation } from '../store/conversation-repository.js';
import { minutesRepository, type StoredMinutes } from '../store/minutes-repository.js';
import { sideEffectsRepository } from '../store/side-effects-repository.js';
import { agreementsRepository } from '../store/agreements-repository.js';
import { evaluationsRepository } from '../store/evaluations-repository.js';
import { chatOutboxRepository } from '../store/chat-outbox-repository.js';
import { queueCardUpdate } from './chat-messages.js';
import { evaluationDraft, summarizeEvaluations } from '../domain/evaluation.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { loadReadableConversation } from './load-conversation.js';
import { AppError } from './app-error.js';
import type { AppContext } from './app-context.js';

export const publishJobKind = 'minutes.publish';

export interface MinutesView {
  stored: StoredConversation;
  minutes: StoredMinutes;
  approval: ApprovalCheck;
  /** The bot's evaluation answers as a draft for the evaluation item, when there are any. */
  evaluationDraft: string | null;
}

const peopleOf = (stored: StoredConversation) => stored.conversation.participants.map((p) => ({ displayName: p.displayName }));

/** The minutes with the guard's findings on the public note, for everyone who may read the conversation. */
export async function viewMinutes(ctx: AppContext, actor: Actor, id: string): Promise<MinutesView> {
  const stored = await loadReadableConversation(ctx.db, actor, id);
  const minutes = await minutesRepository.get(ctx.db, id);
  const evaluations = await evaluationsRepository.forConversation(ctx.db, id);
  return {
    stored,
    minutes,
    approval: checkApproval(minutes.content, peopleOf(stored)),
    evaluationDraft: evaluationDraft(summarizeEvaluations(evaluations)),
  };
}

/**
 * Saves the minutes (school leader or minute taker). The first save after the
 * meeting has started moves the conversation to "minutes drafted".
 */
export async function saveMinutes(ctx: AppContext, actor: Actor, id: string, version: number, content: MinutesContent): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stored = await loadReadableConversation(tx, actor, id, true);
    if (!conversationPolicy.canEditMinutes(actor, stored.conversation)) throw new AppError('FORBIDDEN');
    const unknownItems = Object.keys(content.itemNotes).filter((key) => !stored.conversation.template.items.some((i) => i.key === key));
    if (unknownItems.length > 0) throw new AppError('VALIDATION_FAILED', { field: 'itemNotes', unknownItems });
    const drafted = startMinutes(stored.conversation, ctx.now());
    if (drafted.status !== stored.conversation.status) await conversationRepository.update(tx, drafted, stored.version);
    await minutesRepository.save(tx, id, content, version, actor.upn);
  });
}

/** The school leader approves; the publish job then puts both documents in SharePoint and tells the participants. */
export async function approveMinutesCommand(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stored = await loadReadableConversation(tx, actor, id, true);
    if (!conversationPolicy.canApproveMinutes(actor, stored.conversation)) throw new AppError('FORBIDDEN');
    const minutes = await minutesRepository.get(tx, id);
    if (minutes.version !== version) throw new AppError('VERSION_CONFLICT', { id });
    const approved = approveMinutes(stored.conversation, minutes.content, peopleOf(stored));
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
    await enqueueJob(tx, { kind: publishJobKind, key: `publish:${id}`, groupKey: `conversation:${id}`, payload: { conversationId: id } });
  });
  ctx.wakeJobs();
}

/** The school leader records where the school's website shows the note (§ 40 a, requirement 7). */
export async function recordWebsiteUrl(ctx: AppContext, actor: Actor, id: string, url: string): Promise<void> {
  const stored = await loadReadableConversation(ctx.db, actor, id);
  if (!conversationPolicy.canApproveMinutes(actor, stored.conversation)) throw new AppError('FORBIDDEN');
  if (!(await minutesRepository.setWebsiteUrl(ctx.db, id, url))) throw new AppError('MINUTES_NOT_APPROVED');
}
