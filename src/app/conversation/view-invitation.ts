import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { m365LinksRepository } from '../../store/m365-links-repository.js';
import { documentsRepository } from '../../store/documents-repository.js';
import { agreementsRepository } from '../../store/agreements-repository.js';
import { buildAgendaView } from '../../documents/agenda-view.js';
import type { MeetingInvitation } from '../ports/calendar-gateway.js';
import type { AppContext } from '../app-context.js';
import { meetingInvitation } from './meeting-invitation.js';

/**
 * The invitation as the sync writes it to Outlook now, for the organiser's
 * add-in in compose mode: Outlook holds the open meeting form's own copy of
 * body and attendees, so the pane puts the same agenda and invitees into it
 * (a save from that form would otherwise take them out again).
 */
export async function viewInvitation(ctx: AppContext, actor: Actor, conversationId: string): Promise<MeetingInvitation> {
  const stored = await conversationRepository.get(ctx.db, conversationId);
  // Only the organiser has the meeting open in compose; anyone else learns nothing, not even that it exists.
  if (!stored || stored.conversation.organizerUpn.toLowerCase() !== actor.upn.toLowerCase()) throw new AppError('CONVERSATION_NOT_FOUND');
  const { conversation } = stored;
  const links = await m365LinksRepository.get(ctx.db, conversationId);
  const documents = (await documentsRepository.list(ctx.db, conversationId)).map((d) => ({ name: d.fileName, url: d.webUrl }));
  const followUp = await agreementsRepository.forFollowUp(ctx.db, conversation.schoolId, conversation.startsAt, stored.createdAt);
  const view = buildAgendaView(conversation, {
    documents,
    agendaUrl: links.agendaWebUrl,
    joinUrl: links.joinUrl,
    followUp,
    drawnAt: ctx.now(),
  });
  return meetingInvitation(conversation, view);
}
