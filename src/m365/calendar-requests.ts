import { z } from 'zod';
import type { GraphCall } from './graph-call.js';
import { attendeeResponseSchema } from '../domain/conversation.js';
import type { AttendeeAnswer, MeetingEvent, MeetingInvitation, OwnMeeting } from '../app/ports/calendar-gateway.js';

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullish() });
const ownMeetingSchema = z.object({
  iCalUId: z.string().nullish(),
  subject: z.string().nullish(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  isOrganizer: z.boolean().nullish(),
  isCancelled: z.boolean().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});
/** Graph answers in UTC unless asked otherwise: "2027-03-10T08:00:00.0000000" with timeZone "UTC". */
const utcInstant = (value: z.infer<typeof dateTimeTimeZone>): Date => {
  if (value.timeZone && value.timeZone !== 'UTC') throw new Error(`Expected a UTC time from Graph, got ${value.timeZone}`);
  return new Date(`${value.dateTime.slice(0, 23)}Z`);
};

/** Graph's Windows name for Copenhagen's zone; Graph also answers in it when asked (Prefer header). */
export const danishWindowsTimeZone = 'Romance Standard Time';

const eventSchema = z.object({
  id: z.string(),
  iCalUId: z.string().nullish(),
  webLink: z.string().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});
const toMeetingEvent = (body: unknown): MeetingEvent => {
  const event = eventSchema.parse(body);
  return { id: event.id, iCalUId: event.iCalUId ?? null, webLink: event.webLink ?? null, joinUrl: event.onlineMeeting?.joinUrl ?? null };
};

const eventBody = (invitation: MeetingInvitation) => ({
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
  createEvent: (organizerUpn: string, invitation: MeetingInvitation, transactionId: string): GraphCall<MeetingEvent> => ({
    method: 'POST',
    url: `${mailbox(organizerUpn)}/events`,
    headers: preferDanishTime,
    body: { ...eventBody(invitation), isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', transactionId },
    parse: toMeetingEvent,
  }),

  /** Graph replaces the attendee list on PATCH, so the whole list is always sent. */
  updateEvent: (organizerUpn: string, eventId: string, invitation: MeetingInvitation): GraphCall<MeetingEvent> => ({
    method: 'PATCH',
    url: `${mailbox(organizerUpn)}/events/${encodeURIComponent(eventId)}`,
    headers: preferDanishTime,
    body: eventBody(invitation),
    parse: toMeetingEvent,
  }),

  /** An event's iCalendar UID, in a mailbox (a UPN) or in the signed-in person's own ("me", On-Behalf-Of them). */
  getICalUid: (mailboxUpn: string | 'me', eventId: string): GraphCall<string | null> => ({
    method: 'GET',
    url: `${mailboxUpn === 'me' ? '/me' : mailbox(mailboxUpn)}/events/${encodeURIComponent(eventId)}?$select=iCalUId`,
    parse: (body) => z.object({ iCalUId: z.string().nullish() }).parse(body).iCalUId ?? null,
  }),

  /** A meeting in a mailbox, or the signed-in person's own; times in UTC (Graph's default without a Prefer header). */
  getOwnMeeting: (mailboxUpn: string | 'me', eventId: string): GraphCall<OwnMeeting> => ({
    method: 'GET',
    url: `${mailboxUpn === 'me' ? '/me' : mailbox(mailboxUpn)}/events/${encodeURIComponent(eventId)}?$select=iCalUId,subject,start,end,isOrganizer,isCancelled,onlineMeeting`,
    parse: (body) => {
      const event = ownMeetingSchema.parse(body);
      return {
        iCalUId: event.iCalUId ?? null,
        subject: event.subject ?? '',
        startsAt: utcInstant(event.start),
        endsAt: utcInstant(event.end),
        isOrganizer: event.isOrganizer ?? false,
        isCancelled: event.isCancelled ?? false,
        joinUrl: event.onlineMeeting?.joinUrl ?? null,
      };
    },
  }),

  /**
   * Free/busy of up to 20 people at once (calendar: getSchedule, as the
   * signed-in person: delegated Calendars.ReadBasic). Times asked and answered
   * in UTC. An address Exchange cannot read comes back with an error, not a failure.
   */
  getSchedule: (
    mailboxUpn: string | 'me',
    upns: readonly string[],
    from: Date,
    to: Date,
  ): GraphCall<Map<string, { start: Date; end: Date }[] | null>> => ({
    method: 'POST',
    url: `${mailboxUpn === 'me' ? '/me' : mailbox(mailboxUpn)}/calendar/getSchedule`,
    body: {
      Schedules: upns,
      StartTime: { dateTime: from.toISOString().slice(0, 19), timeZone: 'UTC' },
      EndTime: { dateTime: to.toISOString().slice(0, 19), timeZone: 'UTC' },
      AvailabilityViewInterval: 30,
    },
    parse: (body) => {
      const schedules = z
        .object({
          value: z.array(
            z.object({
              scheduleId: z.string(),
              error: z.object({ message: z.string().nullish() }).nullish(),
              scheduleItems: z.array(z.object({ status: z.string().nullish(), start: dateTimeTimeZone, end: dateTimeTimeZone })).nullish(),
            }),
          ),
        })
        .parse(body).value;
      return new Map(
        schedules.map((s) => [
          s.scheduleId.toLowerCase(),
          s.error
            ? null
            : (s.scheduleItems ?? [])
                .filter((item) => item.status !== 'free' && item.status !== 'workingElsewhere')
                .map((item) => ({ start: utcInstant(item.start), end: utcInstant(item.end) })),
        ]),
      );
    },
  }),

  /** The body as Exchange holds it now, with the Teams meeting blob it appended. */
  getBody: (organizerUpn: string, eventId: string): GraphCall<string> => ({
    method: 'GET',
    url: `${mailbox(organizerUpn)}/events/${encodeURIComponent(eventId)}?$select=body`,
    parse: (body) => z.object({ body: z.object({ content: z.string().nullish() }).nullish() }).parse(body).body?.content ?? '',
  }),

  cancelEvent: (organizerUpn: string, eventId: string, comment: string): GraphCall<void> => ({
    method: 'POST',
    url: `${mailbox(organizerUpn)}/events/${encodeURIComponent(eventId)}/cancel`,
    body: { Comment: comment },
    parse: () => undefined,
  }),

  attendeeResponses: (organizerUpn: string, eventId: string): GraphCall<AttendeeAnswer[]> => ({
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
