import { z } from 'zod';
import type { GraphCall } from './graph-call.js';
import { attendeeResponseSchema } from '../domain/conversation.js';

/** Graph's Windows name for Copenhagen's zone; Graph also answers in it when asked (Prefer header). */
export const danishWindowsTimeZone = 'Romance Standard Time';

export interface InvitationAttendee {
  address: string;
  name: string;
  /** Everyone invited to the conversation is expected; Graph's attendeeType spelling. */
  type: 'required' | 'optional';
}

export interface Invitation {
  subject: string;
  bodyHtml: string;
  /** Wall-clock times in Copenhagen, "2026-12-01T09:00:00". */
  startLocal: string;
  endLocal: string;
  attendees: InvitationAttendee[];
  location: string;
}

const eventSchema = z.object({
  id: z.string(),
  webLink: z.string().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});
export type CreatedEvent = { id: string; webLink: string | null; joinUrl: string | null };

const toCreatedEvent = (body: unknown): CreatedEvent => {
  const event = eventSchema.parse(body);
  return { id: event.id, webLink: event.webLink ?? null, joinUrl: event.onlineMeeting?.joinUrl ?? null };
};

const eventBody = (invitation: Invitation) => ({
  subject: invitation.subject,
  body: { contentType: 'html', content: invitation.bodyHtml },
  start: { dateTime: invitation.startLocal, timeZone: danishWindowsTimeZone },
  end: { dateTime: invitation.endLocal, timeZone: danishWindowsTimeZone },
  location: { displayName: invitation.location },
  attendees: invitation.attendees.map((a) => ({ emailAddress: { address: a.address, name: a.name }, type: a.type })),
  allowNewTimeProposals: false,
});

const mailbox = (upn: string) => `/users/${encodeURIComponent(upn)}`;
const preferDanishTime = { Prefer: `outlook.timezone="${danishWindowsTimeZone}"` };

/**
 * The conversation's Outlook event, in the organiser's calendar, as a Teams
 * meeting. `transactionId` makes a retried create return the first event
 * instead of sending a second invitation.
 */
export const calendarRequests = {
  createEvent: (organizerUpn: string, invitation: Invitation, transactionId: string): GraphCall<CreatedEvent> => ({
    method: 'POST',
    url: `${mailbox(organizerUpn)}/events`,
    headers: preferDanishTime,
    body: { ...eventBody(invitation), isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', transactionId },
    parse: toCreatedEvent,
  }),

  /** Graph replaces the attendee list on PATCH, so the whole list is always sent. */
  updateEvent: (organizerUpn: string, eventId: string, invitation: Invitation): GraphCall<CreatedEvent> => ({
    method: 'PATCH',
    url: `${mailbox(organizerUpn)}/events/${encodeURIComponent(eventId)}`,
    headers: preferDanishTime,
    body: eventBody(invitation),
    parse: toCreatedEvent,
  }),

  cancelEvent: (organizerUpn: string, eventId: string, comment: string): GraphCall<void> => ({
    method: 'POST',
    url: `${mailbox(organizerUpn)}/events/${encodeURIComponent(eventId)}/cancel`,
    body: { Comment: comment },
    parse: () => undefined,
  }),

  attendeeResponses: (organizerUpn: string, eventId: string): GraphCall<AttendeeResponse[]> => ({
    method: 'GET',
    url: `${mailbox(organizerUpn)}/events/${encodeURIComponent(eventId)}?$select=attendees`,
    parse: (body) =>
      attendeesSchema.parse(body).attendees.map((a) => ({
        address: a.emailAddress.address,
        response: a.status?.response ?? 'none',
      })),
  }),
};

const attendeesSchema = z.object({
  attendees: z.array(
    z.object({
      emailAddress: z.object({ address: z.string() }),
      status: z.object({ response: attendeeResponseSchema.catch('none') }).nullish(),
    }),
  ),
});
export interface AttendeeResponse {
  address: string;
  response: z.infer<typeof attendeeResponseSchema>;
}
