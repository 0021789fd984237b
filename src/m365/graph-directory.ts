import type { CalendarReader, Directory } from '../app/app-context.js';
import type { GraphExecutor } from './graph-executor.js';
import { GraphError } from './graph-error.js';
import { directoryRequests } from './directory-requests.js';
import { calendarRequests } from './calendar-requests.js';

export function graphDirectory(graph: GraphExecutor): Directory {
  return {
    async getUser(upn) {
      try {
        return await graph.run(directoryRequests.getUser(upn));
      } catch (error) {
        if (error instanceof GraphError && error.status === 404) return null;
        throw error;
      }
    },
    search: (text) => graph.run(directoryRequests.searchUsers(text)),
  };
}

export function graphCalendarReader(graph: GraphExecutor): CalendarReader {
  return { attendeeResponses: (organizerUpn, eventId) => graph.run(calendarRequests.attendeeResponses(organizerUpn, eventId)) };
}
