import type { FaultInjector } from '../fault-injection.js';
import { GraphHttpError, graphErrorResponse, type GraphRequest, type GraphResponse, type SandboxGraphContext } from './graph-types.js';
import { getUser, listUsers } from './users-handlers.js';
import { cancelEvent, createEvent, getEvent, listEvents, preferredZone, respondToEvent, updateEvent } from './events-handlers.js';
import { sendMail } from './mail-handlers.js';
import { getInstallationChat, installApp, listInstalledApps } from './teamwork-handlers.js';
import { getSchedule } from './schedule-handlers.js';
import { addChatTab, findOnlineMeetings, installChatApp, listChatApps, listChatTabs } from './meeting-handlers.js';
import {
  createChild,
  createUploadSession,
  deleteItem,
  renameItem,
  getContent,
  getItem,
  getItemByPath,
  listChildren,
  putContentById,
  putContentByPath,
} from './drive-handlers.js';

type Route = [method: string, pattern: RegExp, handle: (ctx: SandboxGraphContext, m: string[], r: GraphRequest) => GraphResponse];

/** The Graph v1.0 subset the product uses. Paths are matched raw (still percent-encoded). */
const routes: Route[] = [
  ['GET', /^\/users$/, (c, _m, r) => listUsers(c, r)],
  ['GET', /^\/users\/([^/]+)$/, (c, m) => getUser(c, m[1]!)],
  ['GET', /^\/users\/([^/]+)\/events$/, (c, m, r) => listEvents(c, m[1]!, preferredZone(r.headers))],
  ['POST', /^\/users\/([^/]+)\/events$/, (c, m, r) => createEvent(c, m[1]!, r.json)],
  ['GET', /^\/users\/([^/]+)\/events\/([^/]+)$/, (c, m, r) => getEvent(c, m[1]!, m[2]!, preferredZone(r.headers))],
  ['PATCH', /^\/users\/([^/]+)\/events\/([^/]+)$/, (c, m, r) => updateEvent(c, m[1]!, m[2]!, r.json)],
  ['POST', /^\/users\/([^/]+)\/events\/([^/]+)\/cancel$/, (c, m, r) => cancelEvent(c, m[1]!, m[2]!, r.json)],
  [
    'POST',
    /^\/users\/([^/]+)\/events\/([^/]+)\/(accept|tentativelyAccept|decline)$/,
    (c, m, r) => respondToEvent(c, m[1]!, m[2]!, m[3] as 'accept', r.json),
  ],
  ['POST', /^\/users\/([^/]+)\/calendar\/getSchedule$/, (c, m, r) => getSchedule(c, m[1]!, r.json)],
  ['GET', /^\/users\/([^/]+)\/onlineMeetings$/, (c, m, r) => findOnlineMeetings(c, m[1]!, r)],
  ['GET', /^\/chats\/([^/]+)\/installedApps$/, (c, m) => listChatApps(c, m[1]!)],
  ['POST', /^\/chats\/([^/]+)\/installedApps$/, (c, m, r) => installChatApp(c, m[1]!, r.json)],
  ['GET', /^\/chats\/([^/]+)\/tabs$/, (c, m) => listChatTabs(c, m[1]!)],
  ['POST', /^\/chats\/([^/]+)\/tabs$/, (c, m, r) => addChatTab(c, m[1]!, r.json)],
  ['POST', /^\/users\/([^/]+)\/sendMail$/, (c, m, r) => sendMail(c, m[1]!, r.json)],
  ['GET', /^\/users\/([^/]+)\/teamwork\/installedApps$/, (c, m, r) => listInstalledApps(c, m[1]!, r)],
  ['POST', /^\/users\/([^/]+)\/teamwork\/installedApps$/, (c, m, r) => installApp(c, m[1]!, r.json)],
  ['GET', /^\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/, (c, m) => getInstallationChat(c, m[1]!, m[2]!)],
  [
    'PUT',
    /^\/drives\/([^/]+)\/root:\/(.+?):\/content$/,
    (c, m, r) => putContentByPath(c, m[1]!, m[2]!, r.raw ?? Buffer.alloc(0), r.headers['content-type'] ?? 'application/octet-stream'),
  ],
  ['POST', /^\/drives\/([^/]+)\/root:\/(.+?):\/createUploadSession$/, (c, m, r) => createUploadSession(c, m[1]!, m[2]!, r.json)],
  ['GET', /^\/drives\/([^/]+)\/root:\/(.+?):?$/, (c, m) => getItemByPath(c, m[1]!, m[2]!)],
  ['GET', /^\/drives\/([^/]+)\/root\/children$/, (c, m) => listChildren(c, m[1]!, 'root')],
  ['POST', /^\/drives\/([^/]+)\/root\/children$/, (c, m, r) => createChild(c, m[1]!, 'root', r.json)],
  ['GET', /^\/drives\/([^/]+)\/items\/([^/]+)$/, (c, m) => getItem(c, m[1]!, m[2]!)],
  ['GET', /^\/drives\/([^/]+)\/items\/([^/]+)\/children$/, (c, m) => listChildren(c, m[1]!, m[2]!)],
  ['POST', /^\/drives\/([^/]+)\/items\/([^/]+)\/children$/, (c, m, r) => createChild(c, m[1]!, m[2]!, r.json)],
  ['GET', /^\/drives\/([^/]+)\/items\/([^/]+)\/content$/, (c, m) => getContent(c, m[1]!, m[2]!)],
  [
    'PUT',
    /^\/drives\/([^/]+)\/items\/([^/]+)\/content$/,
    (c, m, r) => putContentById(c, m[1]!, m[2]!, r.raw ?? Buffer.alloc(0), r.headers['content-type'] ?? 'application/octet-stream'),
  ],
  ['DELETE', /^\/drives\/([^/]+)\/items\/([^/]+)$/, (c, m) => deleteItem(c, m[1]!, m[2]!)],
  ['PATCH', /^\/drives\/([^/]+)\/items\/([^/]+)$/, (c, m, r) => renameItem(c, m[1]!, m[2]!, r.json)],
];

export interface GraphStats {
  httpRequests: number;
  operations: number;
  /** Request bodies the CSDL check refused. */
  rejectedBodies: number;
  /** Verified tokens by kind, when the sandbox checks them (Microsoft 365 mode's tests). */
  tokens: { app: number; delegated: number };
}

/**
 * Serves one Graph operation: authentication, an injected fault if one is due,
 * then the handler. Used for plain requests and for each request inside a batch.
 */
export function serveGraphOperation(
  ctx: SandboxGraphContext,
  faults: FaultInjector,
  stats: GraphStats,
  request: GraphRequest,
): GraphResponse {
  stats.operations++;
  try {
    if (!/^Bearer \S+/.test(request.headers['authorization'] ?? '')) {
      throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    const fault = faults.next();
    if (fault) {
      throw new GraphHttpError(
        fault.status,
        fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
        fault.status === 429 ? 'Too many requests. Please retry after the given time.' : 'The service is temporarily unavailable.',
        { 'Retry-After': String(fault.retryAfterSeconds) },
      );
    }
    for (const [method, pattern, handle] of routes) {
      if (method !== request.method) continue;
      const match = pattern.exec(request.path);
      if (match) return handle(ctx, match as unknown as string[], request);
    }
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Resource not found for the segment '${request.path.split('/')[1] ?? ''}'. (The sandbox serves only the Graph calls the product makes.)`,
    );
  } catch (error) {
    if (error instanceof GraphHttpError) {
      if (error.status === 400 && error.code === 'BadRequest') stats.rejectedBodies++;
      return graphErrorResponse(error);
    }
    throw error;
  }
}
