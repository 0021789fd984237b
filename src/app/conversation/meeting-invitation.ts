import { createHash } from 'node:crypto';
import type { Conversation } from '../../domain/conversation.js';
import { toCopenhagenWallClock } from '../../domain/copenhagen-time.js';
import type { AgendaView } from '../../documents/agenda-view.js';
import { renderInvitationHtml } from '../../documents/invitation-html.js';
import { serverTexts, interpolate } from '../../i18n/messages.js';
import type { MeetingInvitation } from '../ports/calendar-gateway.js';

const t = serverTexts.da.documents;
const dateFormat = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * The Outlook invitation for the conversation's current state. Before the
 * agenda is sent only the school leader is invited (the municipality invites
 * the leader; the leader invites the rest, seed 000); after it, everyone.
 */
export function meetingInvitation(conversation: Conversation, view: AgendaView): MeetingInvitation {
  const attendees = conversation.participants
    .filter((p) => p.upn.toLowerCase() !== conversation.organizerUpn.toLowerCase())
    // Only those sent the invitation: someone saved to the school's part but not yet sent is not in Outlook yet.
    .filter((p) => p.invited)
    .map((p) => ({ address: p.upn, name: p.displayName, type: 'required' as const }));
  return {
    subject: interpolate(t.invitationSubject, { school: conversation.schoolName, date: dateFormat.format(conversation.startsAt) }),
    bodyHtml: renderInvitationHtml(conversation.agendaSentAt ? view : { ...view, documents: [] }),
    startLocal: toCopenhagenWallClock(conversation.startsAt),
    endLocal: toCopenhagenWallClock(conversation.endsAt),
    attendees,
    location: t.location,
  };
}

/** The invitation Outlook has is patched only when this changes. */
export const invitationHash = (invitation: MeetingInvitation): string =>
  createHash('sha256').update(JSON.stringify(invitation)).digest('hex');
