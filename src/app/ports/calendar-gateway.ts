import type { AttendeeResponse } from '../../domain/conversation.js';

export interface MeetingAttendee {
  address: string;
  name: string;
  /** Everyone invited to the conversation is expected. */
  type: 'required' | 'optional';
}

/** The Outlook invitation for a conversation: what every invitee's calendar shows. */
export interface MeetingInvitation {
  subject: string;
  bodyHtml: string;
  /** Wall-clock times in Copenhagen, "2026-12-01T09:00:00". */
  startLocal: string;
  endLocal: string;
  attendees: MeetingAttendee[];
  location: string;
}

/** The organiser's event as the calendar holds it. */
export interface MeetingEvent {
  id: string;
  /** The iCalendar UID every copy of the meeting shares (organiser's and invitees'). */
  iCalUId: string | null;
  webLink: string | null;
  /** The Teams meeting's join link. */
  joinUrl: string | null;
}

export interface AttendeeAnswer {
  address: string;
  response: AttendeeResponse;
}

/**
 * The conversation's meeting in the organiser's calendar, as a Teams meeting.
 * Every write is idempotent: a create carries a transaction id, so a retried
 * create returns the first event instead of inviting everyone twice.
 */
export interface CalendarGateway {
  createMeeting(organizerUpn: string, invitation: MeetingInvitation, transactionId: string): Promise<MeetingEvent>;
  /** Replaces subject, body, time and the whole attendee list; invitees get an update. */
  updateMeeting(organizerUpn: string, eventId: string, invitation: MeetingInvitation): Promise<MeetingEvent>;
  /** Cancels for everyone with a comment; false when the event is already gone. */
  cancelMeeting(organizerUpn: string, eventId: string, comment: string): Promise<boolean>;
  attendeeResponses(organizerUpn: string, eventId: string): Promise<AttendeeAnswer[]>;
}

/**
 * A person's own calendar, read as them: the Outlook add-in names an event by
 * its id in the person's mailbox, and only its iCalendar UID leads to the
 * conversation. In Microsoft 365 mode this is Graph On-Behalf-Of the person
 * (/me, delegated Calendars.ReadBasic); the application permission is scoped
 * to organisers' mailboxes only.
 */
export interface PersonalCalendar {
  /** The event's iCalendar UID; null when the person has no such event. */
  iCalUidOf(eventId: string): Promise<string | null>;
  /** The event as the person's calendar holds it; null when there is no such event. */
  meetingOf(eventId: string): Promise<OwnMeeting | null>;
  /**
   * Free/busy of colleagues, as the person may see it (their busy time only,
   * never what it is): per lower-case UPN the busy intervals, or null when
   * that calendar could not be read.
   */
  freeBusy(upns: readonly string[], from: Date, to: Date): Promise<Map<string, { start: Date; end: Date }[] | null>>;
}

/** A meeting in the person's own calendar, as the add-in's "link this meeting" needs it. */
export interface OwnMeeting {
  iCalUId: string | null;
  subject: string;
  startsAt: Date;
  endsAt: Date;
  /** The person organises it (their own event, not an invitee's copy). */
  isOrganizer: boolean;
  isCancelled: boolean;
  joinUrl: string | null;
}
