import { randomUUID } from 'node:crypto';
import { requireBody } from './body-check.js';
import { GraphHttpError, type GraphRequest, type GraphResponse, type SandboxGraphContext } from './graph-types.js';
import type { SandboxUser } from '../sandbox-state.js';

/**
 * Installing the app in a person's personal scope (teamwork/installedApps),
 * and the 1:1 chat with its bot that the installation brings. This is how a
 * bot reaches someone who never opened it: install, then read the chat id.
 */
function userOf(ctx: SandboxGraphContext, id: string): SandboxUser {
  const user = ctx.state.findUser(id);
  if (!user) throw new GraphHttpError(404, 'NotFound', `User '${decodeURIComponent(id)}' was not found.`);
  return user;
}

const presentInstallation = (ctx: SandboxGraphContext, installationId: string) => ({
  '@odata.type': '#microsoft.graph.userScopeTeamsAppInstallation',
  id: installationId,
  teamsApp: {
    id: ctx.teamsApp.id,
    externalId: ctx.teamsApp.id,
    displayName: ctx.teamsApp.displayName,
    distributionMethod: 'organization',
  },
});

/** GET /users/{id}/teamwork/installedApps[?$filter=teamsApp/id eq '…'] */
export function listInstalledApps(ctx: SandboxGraphContext, userId: string, request: GraphRequest): GraphResponse {
  const user = userOf(ctx, userId);
  const filter = request.query.get('$filter');
  const wanted = filter ? /^teamsApp\/id eq '([^']+)'$/.exec(filter)?.[1] : undefined;
  if (filter && !wanted) throw new GraphHttpError(400, 'BadRequest', `Invalid filter clause: ${filter}`);
  const chats = ctx.state.chats.filter((c) => c.userId === user.id && (!wanted || c.teamsAppId === wanted));
  return { status: 200, body: { value: chats.map((c) => presentInstallation(ctx, c.installationId)) } };
}

/** POST /users/{id}/teamwork/installedApps with {"teamsApp@odata.bind": ".../appCatalogs/teamsApps/{id}"} */
export function installApp(ctx: SandboxGraphContext, userId: string, json: unknown): GraphResponse {
  const user = userOf(ctx, userId);
  const body = requireBody(ctx, 'microsoft.graph.userScopeTeamsAppInstallation', json);
  const bind = String(body['teamsApp@odata.bind'] ?? '');
  const appId = /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1];
  if (!appId) throw new GraphHttpError(400, 'BadRequest', 'teamsApp@odata.bind must name an app in /appCatalogs/teamsApps.');
  if (appId !== ctx.teamsApp.id) throw new GraphHttpError(404, 'NotFound', `The app '${appId}' is not in the organisation's app catalog.`);
  if (ctx.state.chats.some((c) => c.userId === user.id && c.teamsAppId === appId)) {
    throw new GraphHttpError(409, 'Conflict', 'App is already installed for this user.');
  }
  const chat = {
    id: `19:${user.id}_${ctx.teamsApp.botId}@unq.gbl.spaces`,
    userId: user.id,
    installationId: randomUUID(),
    teamsAppId: appId,
    activities: [],
  };
  ctx.state.chats.push(chat);
  ctx.state.changed('chats', chat);
  ctx.onAppInstalled?.(chat);
  return { status: 201, body: presentInstallation(ctx, chat.installationId) };
}

/** GET /users/{id}/teamwork/installedApps/{installationId}/chat */
export function getInstallationChat(ctx: SandboxGraphContext, userId: string, installationId: string): GraphResponse {
  const user = userOf(ctx, userId);
  const chat = ctx.state.chats.find((c) => c.userId === user.id && c.installationId === decodeURIComponent(installationId));
  if (!chat) throw new GraphHttpError(404, 'NotFound', 'The app installation was not found.');
  return {
    status: 200,
    body: { '@odata.type': '#microsoft.graph.chat', id: chat.id, chatType: 'oneOnOne', tenantId: sandboxTenantId, topic: null },
  };
}

export const sandboxTenantId = '5a0d5a0d-0000-4000-8000-50ba5a0d0000';
