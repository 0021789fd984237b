import { describeSchoolPart, replaceInvitedParticipants } from '../../domain/conversation.js';
import type { InvitedRole } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { chatOutboxRepository } from '../../store/chat-outbox-repository.js';
import { draftsRepository } from '../../store/drafts-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { requestSync } from './request-sync.js';
import { queueCardUpdate } from '../chat/queue-chat-message.js';
import type { AppContext } from '../app-context.js';

export interface UpdateSchoolPartCommand {
  version: number;
  developmentAreas: string;
  learningFocus: string;
  participants: { upn: string; role: InvitedRole; displayName?: string; external?: boolean }[];
}

/**
 * The school leader's part: development areas, learning focus and invitees.
 * Invitees come from the directory (their names too), or are guests invited by
 * e-mail. Saved as a draft; "Send dagsorden" is what invites the new ones. A
 * person removed after they were invited is told at once: the Outlook event
 * is updated (Exchange sends them the cancellation) and their open cards in
 * Teams are closed.
 */
export async function updateSchoolPart(ctx: AppContext, actor: Actor, id: string, command: UpdateSchoolPartCommand): Promise<number> {
  const { conversation } = await loadReadableConversation(ctx.db, actor, id);
  if (!conversationPolicy.canEditSchoolPart(actor, conversation)) throw new AppError('FORBIDDEN');
  const known = new Map(conversation.participants.map((p) => [p.upn.toLowerCase(), p]));
  const invited = await Promise.all(
    command.participants.map(async (p) => {
      const earlier = known.get(p.upn.toLowerCase());
      if (earlier) return { upn: earlier.upn, displayName: earlier.displayName, role: p.role, external: earlier.external };
      const user = await ctx.directory.getUser(p.upn);
      if (user) return { upn: user.upn, displayName: user.displayName, role: p.role, external: false };
      if (!p.external) throw new AppError('USER_NOT_FOUND', { upn: p.upn });
      return { upn: p.upn, displayName: p.displayName?.trim() || p.upn, role: p.role, external: true };
    }),
  );
  const updated = replaceInvitedParticipants(describeSchoolPart(conversation, command.developmentAreas, command.learningFocus), invited);
  const stays = new Set(updated.participants.map((p) => p.upn.toLowerCase()));
  const removed = conversation.participants.filter((p) => p.invited && !stays.has(p.upn.toLowerCase()));
  const version = await ctx.db.transaction(async (tx) => {
    const saved = await conversationRepository.update(tx, updated, command.version);
    // Saved: the person's draft of this form has done its job.
    await draftsRepository.remove(tx, id, actor.upn, 'schoolPart');
    if (removed.length > 0) {
      await requestSync(tx, id, saved, ['invitation']);
      for (const person of removed) {
        for (const card of await chatOutboxRepository.sentTo(tx, id, person.upn)) {
          if (card.kind !== 'cardUpdate') await queueCardUpdate(tx, card.key, person.upn, id, 'removed');
        }
      }
    }
    return saved;
  });
  if (removed.length > 0) ctx.wakeJobs();
  return version;
}
