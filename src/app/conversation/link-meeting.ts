import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { m365LinksRepository } from '../../store/m365-links-repository.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import type { PersonalCalendar } from '../ports/calendar-gateway.js';
import type { AppContext } from '../app-context.js';
import { planConversationCommand } from './plan-conversation.js';

export interface LinkMeetingCommand {
  /** The event's id in the lead's own mailbox (REST form), as the add-in has it. */
  eventId: string;
  schoolId: string;
  templateId: string;
  theme: string;
  extraTopics: string[];
}

/**
 * The municipal lead made the Teams meeting in Outlook by hand and, in the
 * add-in, makes it a conversation: the meeting's own time, the chosen school,
 * template and theme. The event is read as the lead; it must be theirs (the
 * organiser's event, not an invitee's copy), not cancelled and not already a
 * conversation's. It then becomes the conversation's event, so the sync
 * updates it — agenda in the body before Teams' join block, the school
 * leader invited — instead of making a second meeting.
 */
export async function linkMeetingCommand(
  ctx: AppContext,
  actor: Actor & { displayName: string },
  calendar: PersonalCalendar,
  command: LinkMeetingCommand,
): Promise<{ id: string; created: boolean }> {
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  const meeting = await calendar.meetingOf(command.eventId);
  if (!meeting) throw new AppError('MEETING_NOT_OURS');
  if (!meeting.isOrganizer) throw new AppError('MEETING_NOT_ORGANISER');
  if (meeting.isCancelled) throw new AppError('MEETING_CANCELLED');
  const linked = meeting.iCalUId ? await m365LinksRepository.conversationByICalUid(ctx.db, meeting.iCalUId) : null;
  if (linked) {
    // Linking again (a retry after the form was interrupted) is the same conversation, for the one who linked it.
    const existing = await conversationRepository.get(ctx.db, linked);
    if (existing?.conversation.organizerUpn.toLowerCase() === actor.upn.toLowerCase()) return { id: linked, created: false };
    throw new AppError('MEETING_ALREADY_LINKED');
  }
  return planConversationCommand(
    ctx,
    actor,
    {
      schoolId: command.schoolId,
      templateId: command.templateId,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      theme: command.theme,
      extraTopics: command.extraTopics,
      linkedEvent: { eventId: command.eventId, iCalUId: meeting.iCalUId, joinUrl: meeting.joinUrl },
    },
    // One meeting is one conversation: the same link sent twice at once (a double click) makes one.
    { idempotencyKey: `link:${meeting.iCalUId ?? command.eventId}` },
  );
}
