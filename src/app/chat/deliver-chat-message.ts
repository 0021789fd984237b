import { chatOutboxRepository, type OutboxMessage } from '../../store/chat-outbox-repository.js';
import { chatUsersRepository, type ChatUser } from '../../store/chat-users-repository.js';
import type { JobAttempt } from '../../jobs/job-kind.js';
import { RemoteError } from '../ports/remote-error.js';
import { minutesMailJob } from '../job-kinds.js';
import { chatPromptFor } from './chat-prompt-for.js';
import type { AppContext } from '../app-context.js';

/** The person's chat with the bot: known, or opened now (the app installed for them through Graph). */
async function chatUserFor(ctx: AppContext, upn: string): Promise<ChatUser | null> {
  const known = await chatUsersRepository.byUpn(ctx.db, upn);
  if (known?.conversationRef) return known;
  const aadObjectId = known?.aadObjectId ?? (await ctx.directory.getUser(upn))?.id;
  if (!aadObjectId) return null;
  const conversationRef = await ctx.personalChats.open(aadObjectId);
  await chatUsersRepository.upsert(ctx.db, { upn, aadObjectId, conversationRef });
  return { upn, aadObjectId, conversationRef, locale: known?.locale ?? 'da' };
}

/**
 * The welcome card introduces the conversation; anything else about it waits
 * until the welcome has gone (a conversation planned two days ahead queues
 * both at once). Waiting is a retryable refusal, so the job runner comes back.
 */
async function waitForWelcome(ctx: AppContext, message: OutboxMessage): Promise<void> {
  if (!message.conversationId || message.kind === 'welcome' || message.kind === 'cardUpdate') return;
  const welcome = await chatOutboxRepository.byKey(ctx.db, `welcome:${message.conversationId}:${message.upn.toLowerCase()}`);
  if (welcome?.status === 'pending') throw new RemoteError(503, 'WaitingForWelcome', 'The welcome card goes first', 1000);
}

/** A message the bot could not deliver for good: the minutes then go by mail instead. */
async function undeliverable(ctx: AppContext, message: OutboxMessage): Promise<void> {
  if (message.kind !== 'minutes' || !message.conversationId) return;
  await minutesMailJob.enqueue(ctx.db, { conversationId: message.conversationId, upn: message.upn });
  ctx.wakeJobs();
}

/**
 * Delivers one outbox message. Exactly once per key: a sent row is never sent
 * again, and the activity id is recorded the moment the connector answers.
 * Throttling and gateway errors go back to the job runner (exponential
 * backoff with jitter, honouring Retry-After); refusals that will not get
 * better (the person blocked the bot, left the tenant) end the message as failed.
 */
export async function deliverChatMessage(ctx: AppContext, outboxId: number, attempt: JobAttempt): Promise<void> {
  const message = await chatOutboxRepository.get(ctx.db, outboxId);
  if (!message || message.status !== 'pending') return;
  try {
    const user = await chatUserFor(ctx, message.upn);
    if (!user?.conversationRef) {
      await chatOutboxRepository.markAttempt(ctx.db, outboxId, 'USER_NOT_FOUND', 'failed');
      return await undeliverable(ctx, message);
    }
    await waitForWelcome(ctx, message);
    const prompt = await chatPromptFor(ctx, message);
    if (!prompt) return await chatOutboxRepository.markAttempt(ctx.db, outboxId, 'NO_LONGER_APPLIES', 'skipped');
    const ref = user.conversationRef;

    if (message.kind === 'cardUpdate') {
      const target = await chatOutboxRepository.byKey(ctx.db, String(message.payload.targetKey ?? ''));
      if (!target?.activityId) return await chatOutboxRepository.markAttempt(ctx.db, outboxId, 'ORIGINAL_NOT_SENT', 'skipped');
      await ctx.chat.update(ref, target.activityId, prompt, user.locale);
      return await chatOutboxRepository.markSent(ctx.db, outboxId, target.activityId);
    }
    const activityId = await ctx.chat.send(ref, prompt, user.locale);
    await chatOutboxRepository.markSent(ctx.db, outboxId, activityId);
  } catch (error) {
    // 401 from Graph is a token problem on our side, which a new token fixes.
    const permanent = error instanceof RemoteError && !error.retryable && error.status !== 401;
    const final = permanent || attempt.isLast;
    await chatOutboxRepository.markAttempt(ctx.db, outboxId, String((error as Error).message ?? error), final ? 'failed' : null);
    if (final) await undeliverable(ctx, message);
    if (!permanent) throw error;
  }
}
