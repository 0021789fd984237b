import type { CalendarReader, Directory } from '../app/app-context.js';
import type { GraphExecutor } from './graph-executor.js';
import { GraphError } from './graph-error.js';
import { directoryRequests, type DirectoryUser } from './directory-requests.js';
import { calendarRequests } from './calendar-requests.js';

/** Names change rarely; a few minutes' cache keeps a directory round trip out of most plans. */
const userCacheMs = 10 * 60_000;

export function graphDirectory(graph: GraphExecutor, now: () => number = Date.now): Directory {
  const cache = new Map<string, { user: DirectoryUser | null; at: number }>();
  return {
    async getUser(upn) {
      const key = upn.toLowerCase();
      const cached = cache.get(key);
      if (cached && now() - cached.at < userCacheMs) return cached.user;
      try {
        const user = await graph.run(directoryRequests.getUser(upn));
        cache.set(key, { user, at: now() });
        return user;
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
