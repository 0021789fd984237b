import type { MeetingSpace } from '../app/ports/meeting-space.js';
import type { GraphExecutor } from './graph-executor.js';
import { GraphError } from './graph-error.js';
import { meetingRequests } from './meeting-requests.js';

/** The app in a Teams meeting's chat, through Graph; each step safe to repeat. */
export function graphMeetingSpace(graph: GraphExecutor, settings: { teamsAppId: string }): MeetingSpace {
  return {
    onlineMeetingOf: (organizerUpn, joinUrl) => graph.send(meetingRequests.findOnlineMeeting(organizerUpn, joinUrl)),
    async installApp(chatThreadId) {
      try {
        await graph.send(meetingRequests.installInChat(chatThreadId, settings.teamsAppId));
      } catch (error) {
        // Installed already (by an earlier attempt, or by hand): what we wanted.
        if (!(error instanceof GraphError && error.status === 409)) throw error;
      }
    },
    async ensureTab(chatThreadId, tab) {
      const existing = (await graph.send(meetingRequests.listTabs(chatThreadId))).find(
        (t) => t.teamsAppId === settings.teamsAppId && t.entityId === tab.entityId,
      );
      return existing?.id ?? (await graph.send(meetingRequests.addTab(chatThreadId, settings.teamsAppId, tab)));
    },
  };
}
