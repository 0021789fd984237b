import type { Actor } from '../../policies/conversation-policy.js';
import { conversationRepository, type StoredConversation } from '../../store/conversation-repository.js';
import { m365LinksRepository, type M365Links } from '../../store/m365-links-repository.js';
import { sideEffectsRepository, type SideEffect } from '../../store/side-effects-repository.js';
import { documentsRepository, type StoredDocument } from '../../store/documents-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { checkRequirements, type RequirementCheck } from '../../domain/requirements-checklist.js';
import { agreementsRepository } from '../../store/agreements-repository.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { schoolHasActionPlan } from '../school-plans/school-has-action-plan.js';
import type { FollowUpAgreement } from '../../domain/follow-up.js';
import type { AppContext } from '../app-context.js';

export interface ConversationDetails {
  stored: StoredConversation;
  links: M365Links;
  sideEffects: SideEffect[];
  documents: StoredDocument[];
  requirements: RequirementCheck[];
  followUp: FollowUpAgreement[];
}

/** How stale invitees' answers may be before Outlook is asked again. */
const responsesMaxAgeMs = 10_000;

/**
 * A conversation with everything the tab shows. Invitees' answers are read
 * from the Outlook event (the source of truth) when they are older than a few
 * seconds; if Graph is unreachable, the last known answers are shown.
 */
export async function viewConversation(ctx: AppContext, actor: Actor, id: string): Promise<ConversationDetails> {
  let stored = await loadReadableConversation(ctx.db, actor, id);
  const links = await m365LinksRepository.get(ctx.db, id);
  const syncedAt = links.responsesSyncedAt ? new Date(links.responsesSyncedAt).getTime() : 0;
  if (links.eventId && ctx.now().getTime() - syncedAt > responsesMaxAgeMs) {
    try {
      const responses = await ctx.calendar.attendeeResponses(stored.conversation.organizerUpn, links.eventId);
      await conversationRepository.setResponses(
        ctx.db,
        id,
        responses.map((r) => ({ upn: r.address, response: r.response })),
      );
      await m365LinksRepository.save(ctx.db, id, { responsesSyncedAt: ctx.now().toISOString() });
      stored = await loadReadableConversation(ctx.db, actor, id);
    } catch {
      // Shown from the database; the next view tries again.
    }
  }
  // Independent reads, side by side (on PostgreSQL each takes its own pooled connection).
  const { conversation } = stored;
  const [sideEffects, documents, followUp, hasActionPlan, minutes, earlierConversations] = await Promise.all([
    sideEffectsRepository.list(ctx.db, id),
    documentsRepository.list(ctx.db, id),
    agreementsRepository.forFollowUp(ctx.db, conversation.schoolId, conversation.startsAt, stored.createdAt),
    schoolHasActionPlan(ctx, conversation.schoolId),
    minutesRepository.get(ctx.db, id),
    conversationRepository.countEarlier(ctx.db, conversation.schoolId, conversation.startsAt),
  ]);
  return {
    stored,
    links,
    sideEffects,
    documents,
    followUp,
    requirements: checkRequirements(conversation, {
      schoolHasActionPlan: hasActionPlan,
      notePublished: conversation.status === 'published',
      websiteUrlRecorded: minutes.websiteUrl !== null,
      earlierConversations,
    }),
  };
}
