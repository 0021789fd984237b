import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { m365LinksRepository } from '../../store/m365-links-repository.js';
import type { PersonalCalendar } from '../ports/calendar-gateway.js';
import type { AppContext } from '../app-context.js';

/**
 * The Outlook add-in opened on a meeting in someone's mailbox: which
 * conversation is it? The organiser's event and each invitee's copy have
 * different ids but share the iCalendar UID, which Graph gives for the
 * person's own copy; the body text is never read. A meeting that is not one
 * of ours, or one the person may not see, is "not ours" (404).
 */
export async function findConversationByEvent(ctx: AppContext, actor: Actor, calendar: PersonalCalendar, eventId: string): Promise<string> {
  const iCalUId = await calendar.iCalUidOf(eventId);
  const id = iCalUId ? await m365LinksRepository.conversationByICalUid(ctx.db, iCalUId) : null;
  const stored = id ? await conversationRepository.get(ctx.db, id) : null;
  if (!stored || !conversationPolicy.canRead(actor, stored.conversation)) throw new AppError('MEETING_NOT_OURS');
  return stored.conversation.id;
}
