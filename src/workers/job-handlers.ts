import type { AppContext } from '../app/app-context.js';
import {
  briefingSaveJob,
  chatDeliveryJob,
  conversationSyncJob,
  minutesMailJob,
  minutesPublishJob,
  seasonSyncJob,
} from '../app/job-kinds.js';
import { writeBriefing } from '../app/year/save-briefing.js';
import { syncConversation, syncConversations } from '../app/conversation/sync-conversation.js';
import { publishMinutes } from '../app/minutes/publish-minutes.js';
import { mailMinutes } from '../app/minutes/mail-minutes.js';
import { deliverChatMessage } from '../app/chat/deliver-chat-message.js';
import { handle } from '../jobs/job-kind.js';
import type { JobHandler } from '../jobs/job-runner.js';

/**
 * The background entry point, beside the HTTP routes and the bot: each job
 * kind's payload is parsed and handed to its use case. Nothing else happens here.
 */
export function jobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return Object.fromEntries([
    handle(conversationSyncJob, (job, attempt) => syncConversation(ctx, job.conversationId, attempt)),
    handle(seasonSyncJob, (job, attempt) => syncConversations(ctx, job.conversationIds, attempt)),
    handle(briefingSaveJob, (job, attempt) => writeBriefing(ctx, job, attempt)),
    handle(minutesPublishJob, (job, attempt) => publishMinutes(ctx, job.conversationId, attempt)),
    handle(minutesMailJob, (job) => mailMinutes(ctx, job.conversationId, job.upn)),
    handle(chatDeliveryJob, (job, attempt) => deliverChatMessage(ctx, job.outboxId, attempt)),
  ]);
}
