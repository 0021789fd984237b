import { z } from 'zod';
import { defineJobKind } from '../jobs/job-kind.js';

/**
 * The background work the use cases queue, each in the transaction that makes
 * it necessary (outbox). The workers (src/workers/) run them.
 */

/** Bring a conversation's Microsoft 365 side up to date: invitation, folder, agenda, documents, cancellation. */
export const conversationSyncJob = defineJobKind({
  kind: 'conversation.sync',
  payload: z.object({ conversationId: z.uuid(), version: z.number().int() }),
  // The version in the key queues a fresh run for a newer change even while an older one runs.
  key: (p) => `sync:${p.conversationId}:${p.version}`,
  group: (p) => `conversation:${p.conversationId}`,
});

/**
 * A season's conversations brought to Microsoft 365 together: their syncs run
 * side by side, so their Graph calls share JSON batches. A retry repeats only
 * what each is missing.
 */
export const seasonSyncJob = defineJobKind({
  kind: 'season.sync',
  payload: z.object({ runId: z.uuid(), conversationIds: z.array(z.uuid()).min(1).max(200) }),
  key: (p) => `season:${p.runId}`,
  group: (p) => `season:${p.runId}`,
});

/** A version of the political committee's briefing, written to SharePoint. */
export const briefingSaveJob = defineJobKind({
  kind: 'briefing.save',
  payload: z.object({ schoolYear: z.string(), version: z.number().int().min(1), actorUpn: z.string(), confirmed: z.array(z.string()) }),
  key: (p) => `briefing:${p.schoolYear}:${p.version}`,
  group: (p) => `briefing:${p.schoolYear}`,
});

/** Approved minutes: documents to SharePoint, participants told. */
export const minutesPublishJob = defineJobKind({
  kind: 'minutes.publish',
  payload: z.object({ conversationId: z.uuid() }),
  key: (p) => `publish:${p.conversationId}`,
  group: (p) => `conversation:${p.conversationId}`,
});

/** The minutes by mail to one participant the bot could not reach. */
export const minutesMailJob = defineJobKind({
  kind: 'minutes.mail',
  payload: z.object({ conversationId: z.uuid(), upn: z.string() }),
  key: (p) => `minutes-mail:${p.conversationId}:${p.upn.toLowerCase()}`,
  group: (p) => `conversation:${p.conversationId}`,
});

/** One chat message from the outbox; one person's messages run one at a time, so they arrive in order. */
export const chatDeliveryJob = defineJobKind({
  kind: 'chat.deliver',
  payload: z.object({ outboxId: z.number().int(), upn: z.string() }),
  key: (p) => `chat:${p.outboxId}`,
  group: (p) => `chat:${p.upn.toLowerCase()}`,
  maxAttempts: 12,
});
