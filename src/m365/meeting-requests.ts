import { z } from 'zod';
import type { GraphCall } from './graph-call.js';
import type { MeetingTab } from '../app/ports/meeting-space.js';

/**
 * The online meeting behind an event (application permission
 * OnlineMeetings.Read.All, limited to organisers by an application access
 * policy) and the app in its chat (TeamsAppInstallation.ReadWriteSelfForChat.All,
 * TeamsTab.ReadWriteSelfForChat.All: the app manages only itself).
 */
const appBind = (teamsAppId: string) => `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${teamsAppId}`;

/** What installing in a meeting's chat consents to: meeting events for the bot, and sharing to the stage. */
export const meetingPermissions = [
  { permissionValue: 'OnlineMeeting.ReadBasic.Chat', permissionType: 'application' },
  { permissionValue: 'MeetingStage.Write.Chat', permissionType: 'delegated' },
] as const;

export const meetingRequests = {
  findOnlineMeeting: (organizerUpn: string, joinUrl: string): GraphCall<{ onlineMeetingId: string; chatThreadId: string } | null> => ({
    method: 'GET',
    // OData quotes are doubled inside a string literal.
    url: `/users/${encodeURIComponent(organizerUpn)}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`)}`,
    parse: (body) => {
      const found = z
        .object({ value: z.array(z.object({ id: z.string(), chatInfo: z.object({ threadId: z.string().nullish() }).nullish() })) })
        .parse(body).value[0];
      return found?.chatInfo?.threadId ? { onlineMeetingId: found.id, chatThreadId: found.chatInfo.threadId } : null;
    },
  }),

  installInChat: (chatThreadId: string, teamsAppId: string): GraphCall<void> => ({
    method: 'POST',
    url: `/chats/${encodeURIComponent(chatThreadId)}/installedApps`,
    body: {
      'teamsApp@odata.bind': appBind(teamsAppId),
      consentedPermissionSet: { resourceSpecificPermissions: meetingPermissions },
    },
    parse: () => undefined,
  }),

  listTabs: (chatThreadId: string): GraphCall<{ id: string; teamsAppId: string | null; entityId: string | null }[]> => ({
    method: 'GET',
    url: `/chats/${encodeURIComponent(chatThreadId)}/tabs?$expand=teamsApp`,
    parse: (body) =>
      z
        .object({
          value: z.array(
            z.object({
              id: z.string(),
              teamsApp: z.object({ id: z.string() }).nullish(),
              configuration: z.object({ entityId: z.string().nullish() }).nullish(),
            }),
          ),
        })
        .parse(body)
        .value.map((t) => ({ id: t.id, teamsAppId: t.teamsApp?.id ?? null, entityId: t.configuration?.entityId ?? null })),
  }),

  addTab: (chatThreadId: string, teamsAppId: string, tab: MeetingTab): GraphCall<string> => ({
    method: 'POST',
    url: `/chats/${encodeURIComponent(chatThreadId)}/tabs`,
    body: {
      displayName: tab.displayName,
      'teamsApp@odata.bind': appBind(teamsAppId),
      configuration: { entityId: tab.entityId, contentUrl: tab.contentUrl, websiteUrl: tab.websiteUrl, removeUrl: null },
    },
    parse: (body) => z.object({ id: z.string() }).parse(body).id,
  }),
};
