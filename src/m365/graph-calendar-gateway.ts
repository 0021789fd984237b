import type { CalendarGateway, PersonalCalendar } from '../app/ports/calendar-gateway.js';
import type { GraphExecutor } from './graph-executor.js';
import { GraphError } from './graph-error.js';
import { calendarRequests } from './calendar-requests.js';
import { keepTeamsMeetingBlob } from '../documents/teams-meeting-blob.js';

/** The conversation's meeting as an Outlook event in the organiser's calendar (application permission Calendars.ReadWrite). */
export function graphCalendarGateway(graph: GraphExecutor): CalendarGateway {
  return {
    createMeeting: (organizerUpn, invitation, transactionId) =>
      graph.send(calendarRequests.createEvent(organizerUpn, invitation, transactionId)),
    // The body is read first: its Teams meeting blob must survive the update.
    async updateMeeting(organizerUpn, eventId, invitation) {
      const current = await graph.send(calendarRequests.getBody(organizerUpn, eventId));
      const bodyHtml = keepTeamsMeetingBlob(current, invitation.bodyHtml);
      return graph.send(calendarRequests.updateEvent(organizerUpn, eventId, { ...invitation, bodyHtml }));
    },
    async cancelMeeting(organizerUpn, eventId, comment) {
      try {
        await graph.send(calendarRequests.cancelEvent(organizerUpn, eventId, comment));
        return true;
      } catch (error) {
        // Already gone in Outlook (the organiser deleted it): nothing left to cancel.
        if (error instanceof GraphError && error.status === 404) return false;
        throw error;
      }
    },
    attendeeResponses: (organizerUpn, eventId) => graph.send(calendarRequests.attendeeResponses(organizerUpn, eventId)),
  };
}

/** The signed-in person's own calendar ("me" On-Behalf-Of them; a mailbox by UPN where the app may read it, as locally). */
export function graphPersonalCalendar(graph: GraphExecutor, mailbox: string | 'me'): PersonalCalendar {
  return {
    async iCalUidOf(eventId) {
      try {
        return await graph.send(calendarRequests.getICalUid(mailbox, eventId));
      } catch (error) {
        // An id that is not an event in this mailbox (or malformed): not a meeting of ours.
        if (error instanceof GraphError && [400, 404].includes(error.status)) return null;
        throw error;
      }
    },
    async freeBusy(upns, from, to) {
      // getSchedule takes 20 addresses at a time; the batches go out together.
      const chunks = Array.from({ length: Math.ceil(upns.length / 20) }, (_, i) => upns.slice(i * 20, i * 20 + 20));
      const answers = await Promise.all(chunks.map((chunk) => graph.send(calendarRequests.getSchedule(mailbox, chunk, from, to))));
      return new Map(answers.flatMap((answer) => [...answer.entries()]));
    },
    async meetingOf(eventId) {
      try {
        return await graph.send(calendarRequests.getOwnMeeting(mailbox, eventId));
      } catch (error) {
        if (error instanceof GraphError && [400, 404].includes(error.status)) return null;
        throw error;
      }
    },
  };
}
