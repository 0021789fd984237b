import { z } from 'zod';
import type { Database } from '../store/database.js';
import type { JobRow } from './job-queue.js';
import { chatOutboxRepository, type OutboxMessage } from '../store/chat-outbox-repository.js';
import { chatUsersRepository, type ChatUser, type StoredConversationRef } from '../store/chat-users-repository.js';
import { ChatDeliveryError, type ChatSender, type OutgoingMessage } from './chat-sender.js';
import { GraphError } from '../m365/graph-error.js';
import type { Directory } from '../app/app-context.js';

export interface ChatDeliveryDeps {
  db: Database;
  directory: Directory;
  sender: ChatSender;
  /** Opens the person's 1:1 chat with the bot (installing the app through Graph when needed). */
  openChat: (aadObjectId: string) => Promise<StoredConversationRef>;
  render: (message: OutboxMessage, locale: 'da' | 'en') => Promise<OutgoingMessage | null>;
  /** A message the bot could not deliver for good; e.g. the minutes then go by mail. */
  onUndeliverable?: (message: OutboxMessage) => Promise<void>;
}

const payloadSchema = z.object({ outboxId: z.number().int() });

async function chatUserFor(deps: ChatDeliveryDeps, upn: string): Promise<ChatUser | null> {
  const known = await chatUsersRepository.byUpn(deps.db, upn);
  if (known?.conversationRef) return known;
  const aadObjectId = known?.aadObjectId ?? (await deps.directory.getUser(upn))?.id;
  if (!aadObjectId) return null;
  const conversationRef = await deps.openChat(aadObjectId);
  await chatUsersRepository.upsert(deps.db, { upn, aadObjectId, conversationRef });
  return { upn, aadObjectId, conversationRef, locale: known?.locale ?? 'da' };
}

/**
 * Delivers one outbox message. Exactly once per key: a sent row is never sent
 * again, and the activity id is recorded the moment the connector answers.
 * Throttling and gateway errors go back to the job runner (exponential
 * backoff with jitter, honouring Retry-After); refusals that will not get
 * better (the person blocked the bot, left the tenant) end the message as failed.
 */
export async function deliverChatMessage(deps: ChatDeliveryDeps, job: JobRow): Promise<void> {
  const { outboxId } = payloadSchema.parse(job.payload);
  const message = await chatOutboxRepository.get(deps.db, outboxId);
  if (!message || message.status !== 'pending') return;
  try {
    const user = await chatUserFor(deps, message.upn);
    if (!user?.conversationRef) {
      await chatOutboxRepository.markAttempt(deps.db, outboxId, 'USER_NOT_FOUND', 'failed');
      return await deps.onUndeliverable?.(message);
    }
    const outgoing = await deps.render(message, user.locale);
    if (!outgoing) return await chatOutboxRepository.markAttempt(deps.db, outboxId, 'NO_LONGER_APPLIES', 'skipped');
    const ref = user.conversationRef;

    if (message.kind === 'cardUpdate') {
      const target = await chatOutboxRepository.byKey(deps.db, String(message.payload.targetKey ?? ''));
      if (!target?.activityId) return await chatOutboxRepository.markAttempt(deps.db, outboxId, 'ORIGINAL_NOT_SENT', 'skipped');
      await deps.sender.update(ref, target.activityId, outgoing);
      return await chatOutboxRepository.markSent(deps.db, outboxId, target.activityId);
    }
    const activityId = await deps.sender.send(ref, outgoing);
    await chatOutboxRepository.markSent(deps.db, outboxId, activityId);
  } catch (error) {
    const permanent =
      (error instanceof ChatDeliveryError && !error.retryable) || (error instanceof GraphError && !error.retryable && error.status !== 401);
    const finalAttempt = job.attempts >= job.maxAttempts;
    await chatOutboxRepository.markAttempt(
      deps.db,
      outboxId,
      String((error as Error).message ?? error),
      permanent || finalAttempt ? 'failed' : null,
    );
    if (permanent || finalAttempt) await deps.onUndeliverable?.(message);
    if (!permanent) throw error;
  }
}
