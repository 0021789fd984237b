import { randomUUID } from 'node:crypto';
import { requireBody } from './body-check.js';
import { GraphHttpError, type GraphRequest, type GraphResponse, type SandboxGraphContext } from './graph-types.js';
import type { SandboxMeetingChat } from '../sandbox-state.js';

/**
 * The Teams meeting behind an Outlook event: the online meeting found by its
 * join link, and its chat — the apps installed there (with the RSC the
 * installer consented to) and their tabs. This is how the product puts itself
 * into a meeting so Teams sends the bot the meeting's start and end.
 */

/** GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '…' (the organiser's). */
export function findOnlineMeetings(ctx: SandboxGraphContext, userId: string, request: GraphRequest): GraphResponse {
  const user = ctx.state.findUser(userId);
  if (!user) throw new GraphHttpError(404, 'NotFound', `User '${decodeURIComponent(userId)}' was not found.`);
  const filter = request.query.get('$filter') ?? '';
  const wanted = /^JoinWebUrl eq '(.+)'$/i.exec(filter)?.[1]?.replace(/''/g, "'");
  if (!wanted) throw new GraphHttpError(400, 'BadRequest', "Filter by JoinWebUrl is required: $filter=JoinWebUrl eq '<url>'.");
  const chats = ctx.state.meetingChats.filter((c) => c.organizerUserId === user.id && c.joinUrl === wanted);
  return {
    status: 200,
    body: {
      value: chats.map((c) => {
        const event = ctx.state.events.find((e) => e.id === c.eventId);
        return {
          id: c.onlineMeetingId,
          joinWebUrl: c.joinUrl,
          subject: event?.subject ?? '',
          chatInfo: { threadId: c.id, messageId: '0', replyChainMessageId: null },
        };
      }),
    },
  };
}

function chatOf(ctx: SandboxGraphContext, chatId: string): SandboxMeetingChat {
  const chat = ctx.state.meetingChats.find((c) => c.id === decodeURIComponent(chatId));
  if (!chat) throw new GraphHttpError(404, 'NotFound', `Chat '${decodeURIComponent(chatId)}' was not found.`);
  return chat;
}

const appFromBind = (ctx: SandboxGraphContext, bind: unknown): string => {
  const appId = /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(String(bind ?? ''))?.[1];
  if (!appId) throw new GraphHttpError(400, 'BadRequest', 'teamsApp@odata.bind must name an app in /appCatalogs/teamsApps.');
  if (appId !== ctx.teamsApp.id) throw new GraphHttpError(404, 'NotFound', `The app '${appId}' is not in the organisation's app catalog.`);
  return appId;
};

const presentApp = (ctx: SandboxGraphContext) => ({
  id: ctx.teamsApp.id,
  externalId: ctx.teamsApp.id,
  displayName: ctx.teamsApp.displayName,
  distributionMethod: 'organization',
});

/** GET /chats/{id}/installedApps */
export function listChatApps(ctx: SandboxGraphContext, chatId: string): GraphResponse {
  const chat = chatOf(ctx, chatId);
  return {
    status: 200,
    body: {
      value: chat.installedApps.map((a) => ({
        id: a.id,
        teamsApp: presentApp(ctx),
        consentedPermissionSet: { resourceSpecificPermissions: a.permissions },
      })),
    },
  };
}

/** POST /chats/{id}/installedApps with the app and the resource-specific permissions consented to. */
export function installChatApp(ctx: SandboxGraphContext, chatId: string, json: unknown): GraphResponse {
  const chat = chatOf(ctx, chatId);
  const body = requireBody(ctx, 'microsoft.graph.teamsAppInstallation', json);
  const appId = appFromBind(ctx, body['teamsApp@odata.bind']);
  if (chat.installedApps.some((a) => a.teamsAppId === appId))
    throw new GraphHttpError(409, 'Conflict', 'App is already installed in this chat.');
  const permissions = ((body.consentedPermissionSet as { resourceSpecificPermissions?: unknown[] } | undefined)
    ?.resourceSpecificPermissions ?? []) as { permissionValue: string; permissionType: string }[];
  chat.installedApps.push({ id: randomUUID(), teamsAppId: appId, permissions });
  ctx.state.changed('meetingChats', chat);
  return { status: 201, body: {} };
}

/** GET /chats/{id}/tabs */
export function listChatTabs(ctx: SandboxGraphContext, chatId: string): GraphResponse {
  const chat = chatOf(ctx, chatId);
  return {
    status: 200,
    body: {
      value: chat.tabs.map((t) => ({
        id: t.id,
        displayName: t.displayName,
        configuration: { entityId: t.entityId, contentUrl: t.contentUrl, websiteUrl: t.websiteUrl, removeUrl: null },
        teamsApp: presentApp(ctx),
      })),
    },
  };
}

/** POST /chats/{id}/tabs: a tab of an app installed in the chat. */
export function addChatTab(ctx: SandboxGraphContext, chatId: string, json: unknown): GraphResponse {
  const chat = chatOf(ctx, chatId);
  const body = requireBody(ctx, 'microsoft.graph.teamsTab', json);
  const appId = appFromBind(ctx, body['teamsApp@odata.bind']);
  if (!chat.installedApps.some((a) => a.teamsAppId === appId))
    throw new GraphHttpError(400, 'BadRequest', 'The app must be installed in the chat before it can have a tab there.');
  const configuration = (body.configuration ?? {}) as Record<string, string | undefined>;
  if (!configuration.contentUrl || !configuration.entityId)
    throw new GraphHttpError(400, 'BadRequest', 'A tab needs configuration.entityId and configuration.contentUrl.');
  const tab = {
    id: randomUUID(),
    teamsAppId: appId,
    displayName: String(body.displayName ?? ''),
    entityId: configuration.entityId,
    contentUrl: configuration.contentUrl,
    websiteUrl: configuration.websiteUrl ?? configuration.contentUrl,
  };
  chat.tabs.push(tab);
  ctx.state.changed('meetingChats', chat);
  return { status: 201, body: { id: tab.id, displayName: tab.displayName, configuration } };
}
