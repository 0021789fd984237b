import express, { type Request, type Response, Router } from 'express';
import { join } from 'node:path';
import { SandboxState } from './sandbox-state.js';
import { seedDemoTenant } from './demo-tenant.js';
import { FaultInjector } from './fault-injection.js';
import { loadCsdlModel } from './csdl/csdl-model.js';
import { serveGraphOperation, type GraphStats } from './graph/graph-router.js';
import { serveBatch } from './graph/batch-handler.js';
import { putUploadChunk, getContent } from './graph/drive-handlers.js';
import { GraphHttpError, graphErrorResponse, type GraphResponse, type SandboxGraphContext } from './graph/graph-types.js';
import { renderPeoplePage } from './pages/people-page.js';
import { renderMailboxPage } from './pages/mailbox-page.js';
import { renderLibraryPage } from './pages/library-page.js';
import { page } from './pages/layout.js';
import { sandboxTexts } from './sandbox-texts.js';
import { escapeHtml } from '../documents/html-escape.js';
import { z } from 'zod';
import { connectorRouter, type ConnectorStats } from './connector/connector-router.js';
import { SandboxTeamsClient } from './connector/teams-client.js';
import { renderChatPage } from './pages/chat-page.js';
import { renderAddinPage, renderAddinPane } from './pages/addin-page.js';
import { renderMeetingLobby, renderMeetingView } from './pages/meeting-page.js';
import { randomUUID } from 'node:crypto';
import { appPath } from '../app-root.js';
import { createEntraStandIn, graphAudience, type EntraStandIn, type EntraStandInOptions } from './entra/entra-stand-in.js';
import { sandboxTenantId } from './graph/teamwork-handlers.js';

export interface SandboxOptions {
  /** Folder for the sandbox's data; null keeps it in memory (tests). */
  dataDir: string | null;
  publicUrl: string;
  driveId: string;
  /** The app in the sandbox's catalog and its bot, which the sandbox's Teams posts activities to. */
  teamsAppId: string;
  botId: string;
  /** The stand-in for Entra ID: the tenant and the app registrations it knows (local mode: one local app). */
  entra?: Pick<EntraStandInOptions, 'tenantId' | 'apps' | 'managedIdentity'>;
  /**
   * Microsoft 365 mode's tests: Graph demands a token the stand-in issued,
   * as Graph demands Entra's. Local mode's Graph trusts the app's stand-in token.
   */
  verifyGraphTokens?: boolean;
}

/** The app registration local mode signs people in to (tokens for its API, as Teams SSO gives the tab). */
export const localApp = { clientId: 'udviklingssamtale-local', audience: 'api://localhost/udviklingssamtale-local' };

export interface Sandbox {
  router: Router;
  state: SandboxState;
  faults: FaultInjector;
  stats: GraphStats;
  connectorStats: ConnectorStats;
  /** Faults for the Bot Connector, separate from Graph's (POST /sandbox/_control/connector-faults). */
  connectorFaults: FaultInjector;
  teams: SandboxTeamsClient;
  context: SandboxGraphContext;
  /** Base URL for the product's Graph client. */
  graphBaseUrl: string;
  /** The Bot Connector's service URL, as Teams puts it on activities. */
  connectorUrl: string;
  /** The local stand-in for Entra ID (/sandbox/entra). */
  entra: EntraStandIn;
}

const chatAssets = appPath('dist', 'sandbox');
const executeSchema = z.object({
  activityId: z.string().min(1).max(200),
  verb: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()).default({}),
  trigger: z.enum(['manual', 'automatic']).default('manual'),
});

/**
 * The local Microsoft 365 sandbox: Graph v1.0 subset under /sandbox/graph,
 * upload sessions under /sandbox/upload, and pages where a person sees each
 * mailbox and the SharePoint library. A development and demo tool; it holds
 * no business logic of the product.
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  const state = new SandboxState(options.dataDir ? join(options.dataDir, 'sandbox') : null);
  seedDemoTenant(state);
  const connectorUrl = `${options.publicUrl}/sandbox/connector/`;
  const teams = new SandboxTeamsClient({
    state,
    botEndpoint: `${options.publicUrl}/api/messages`,
    connectorUrl,
    botId: `28:${options.botId}`,
    botName: 'Udviklingssamtale',
  });
  const context: SandboxGraphContext = {
    state,
    model: loadCsdlModel(),
    publicUrl: options.publicUrl,
    driveId: options.driveId,
    teamsApp: { id: options.teamsAppId, botId: options.botId, displayName: 'Udviklingssamtale' },
    unreadableCalendars: new Set(),
    onAppInstalled: (chat) => {
      const user = state.users.find((u) => u.id === chat.userId);
      // As in Teams, the bot hears about the installation on its own, after Graph has answered.
      if (user) setTimeout(() => void teams.installed(chat, user).catch(() => undefined), 0);
    },
  };
  const entra = createEntraStandIn({
    tenantId: options.entra?.tenantId ?? sandboxTenantId,
    baseUrl: () => `${options.publicUrl}/sandbox/entra`,
    apps: options.entra?.apps ?? [
      {
        clientId: localApp.clientId,
        identifierUris: [localApp.audience],
        graphRoles: [],
        graphScopes: ['User.Read', 'User.ReadBasic.All'],
      },
    ],
    users: () => state.users,
    keyFile: options.dataDir ? join(options.dataDir, 'sandbox', 'entra-signing-key.pem') : null,
    ...(options.entra?.managedIdentity ? { managedIdentity: options.entra.managedIdentity } : {}),
  });
  const faults = new FaultInjector();
  const connectorFaults = new FaultInjector();
  const connectorStats: ConnectorStats = { requests: 0, delivered: 0, updated: 0, throttled: 0, faultsInjected: 0, rejected: 0 };
  const stats: GraphStats = { httpRequests: 0, operations: 0, rejectedBodies: 0, tokens: { app: 0, delegated: 0 } };
  const router = Router();
  const raw = express.raw({ type: () => true, limit: '60mb' });

  const send = (res: Response, response: GraphResponse) => {
    res.status(response.status);
    for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
    if (response.binary) res.type(response.binary.contentType).send(response.binary.content);
    else if (response.body !== undefined) res.json(response.body);
    else res.end();
  };

  router.use('/entra', entra.router);
  router.use('/graph/v1.0', raw, async (req: Request, res: Response) => {
    stats.httpRequests++;
    if (options.verifyGraphTokens) {
      const token = /^Bearer (\S+)$/.exec(req.header('authorization') ?? '')?.[1];
      const claims = token ? await entra.verify(token, graphAudience) : null;
      if (!claims) {
        return send(
          res,
          graphErrorResponse(new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.')),
        );
      }
      stats.tokens[claims.idtyp === 'user' ? 'delegated' : 'app']++;
      // A delegated token's /me is its person.
      if (claims.idtyp === 'user' && /^\/sandbox\/graph\/v1\.0\/me(\/|\?|$)/.test(req.originalUrl)) {
        req.url = req.url.replace(/^\/me/, `/users/${String(claims.oid)}`);
        (req as { originalUrl: string }).originalUrl = req.originalUrl.replace(/\/v1\.0\/me/, `/v1.0/users/${String(claims.oid)}`);
      }
    }
    await faults.delay();
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : String(v ?? '')]),
    );
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let json: unknown;
    if ((headers['content-type'] ?? '').includes('json') && body.length > 0) {
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return send(res, graphErrorResponse(new GraphHttpError(400, 'BadRequest', 'Unable to read JSON request payload.')));
      }
    }
    const url = new URL(req.originalUrl, 'http://sandbox');
    const path = url.pathname.replace(/^\/sandbox\/graph\/v1\.0/, '');
    const request = { method: req.method, path, query: url.searchParams, headers, json, raw: body };
    if (path === '/$batch' && req.method === 'POST') {
      // The batch request itself can be throttled before any inner request runs.
      const fault = faults.next();
      if (fault)
        return send(
          res,
          graphErrorResponse(
            new GraphHttpError(fault.status, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(fault.retryAfterSeconds) }),
          ),
        );
      return send(res, serveBatch(context, faults, stats, request));
    }
    send(res, serveGraphOperation(context, faults, stats, request));
  });

  router.put('/upload/:id', raw, async (req, res) => {
    await faults.delay();
    try {
      send(
        res,
        putUploadChunk(context, String(req.params.id), req.header('content-range'), Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)),
      );
    } catch (error) {
      if (error instanceof GraphHttpError) return send(res, graphErrorResponse(error));
      throw error;
    }
  });

  router.post('/_control/faults', express.json(), (req, res) => {
    try {
      res.json(faults.configure(req.body));
    } catch (error) {
      res.status(400).json({ code: 'VALIDATION_FAILED', message: String(error) });
    }
  });
  router.get('/_control/stats', (_req, res) => res.json({ ...stats, faultsInjected: faults.injected, connector: connectorStats }));
  router.post('/_control/connector-faults', express.json(), (req, res) => {
    try {
      res.json(connectorFaults.configure(req.body));
    } catch (error) {
      res.status(400).json({ code: 'VALIDATION_FAILED', message: String(error) });
    }
  });

  // A person blocking the bot in Teams, for trying what happens when the bot cannot reach someone.
  // Exchange will not give these mailboxes' free/busy (a guest, a restricted calendar): the planner must plan without them.
  router.post('/_control/unreadable-calendars', express.json(), (req, res) => {
    const parsed = z.object({ upns: z.array(z.string().max(320)).max(100) }).safeParse(req.body);
    if (!parsed.success) return res.status(400).json({ code: 'VALIDATION_FAILED' });
    context.unreadableCalendars.clear();
    for (const upn of parsed.data.upns) context.unreadableCalendars.add(upn.toLowerCase());
    res.json({ unreadable: [...context.unreadableCalendars] });
  });
  router.post('/_control/block-bot', express.json(), (req, res) => {
    const parsed = z.object({ upn: z.string(), blocked: z.boolean() }).safeParse(req.body);
    const user = parsed.success ? state.findUser(parsed.data.upn) : undefined;
    if (!parsed.success || !user) return res.status(400).json({ code: 'VALIDATION_FAILED', message: 'Ukendt person.' });
    state.botBlockedBy = state.botBlockedBy.filter((id) => id !== user.id).concat(parsed.data.blocked ? [user.id] : []);
    state.blockedChanged();
    res.json({ blocked: state.botBlockedBy.includes(user.id) });
  });

  router.use('/connector', connectorRouter(state, connectorFaults, connectorStats));
  router.use('/assets', express.static(chatAssets, { maxAge: '1h' }));

  const chatUser = (upn: string) => {
    const user = state.findUser(upn);
    const chat = user ? state.chats.find((c) => c.userId === user.id) : undefined;
    return { user, chat };
  };
  router.get('/chat/:upn', (req, res) => {
    const { user } = chatUser(String(req.params.upn));
    if (!user) return res.status(404).type('html').send(page('404', '<p>Ukendt person.</p>'));
    res.type('html').send(renderChatPage(user));
  });
  router.get('/chat/:upn/activities', (req, res) => {
    const { user, chat } = chatUser(String(req.params.upn));
    if (!user) return res.status(404).json({ code: 'NOT_FOUND' });
    res.json({ installed: Boolean(chat), activities: chat?.activities ?? [] });
  });
  router.post('/chat/:upn/messages', express.json(), async (req, res) => {
    const { user, chat } = chatUser(String(req.params.upn));
    const parsed = z.object({ text: z.string().trim().min(1).max(2000), locale: z.string().max(20).default('da-DK') }).safeParse(req.body);
    if (!user || !chat) return res.status(404).json({ code: 'NOT_FOUND', message: 'Appen er ikke installeret for personen.' });
    if (!parsed.success) return res.status(400).json({ code: 'VALIDATION_FAILED', message: 'Skriv en besked.' });
    const status = await teams.sendText(chat, user, parsed.data.text, parsed.data.locale);
    res.status(status >= 400 ? 502 : 202).json({ ok: status < 400, botStatus: status });
  });
  router.post('/chat/:upn/execute', express.json({ limit: '256kb' }), async (req, res) => {
    const { user, chat } = chatUser(String(req.params.upn));
    const parsed = executeSchema.safeParse(req.body);
    if (!user || !chat) return res.status(404).json({ ok: false, message: 'Appen er ikke installeret for personen.' });
    if (!parsed.success) return res.status(400).json({ ok: false, message: 'Ugyldig handling.' });
    res.json(await teams.execute(chat, user, parsed.data, req.header('accept-language')?.split(',')[0] ?? 'da-DK'));
  });

  router.get('/', (_req, res) => res.type('html').send(renderPeoplePage(state)));
  router.get('/mail/:upn', (req, res) => {
    const user = state.findUser(String(req.params.upn));
    if (!user) return res.status(404).type('html').send(page('404', '<p>Ukendt person.</p>'));
    res.type('html').send(renderMailboxPage(state, user));
  });
  // The Outlook add-in beside a meeting, over the office.js stand-in (read for invitees, compose for the organiser).
  router.get('/mail/:upn/addin/:eventId', async (req, res) => {
    const user = state.findUser(String(req.params.upn));
    const event = user ? state.events.find((e) => e.id === String(req.params.eventId) && e.mailbox === user.userPrincipalName) : undefined;
    if (!user || !event) return res.status(404).type('html').send(page('404', '<p>Ukendt møde.</p>'));
    res.type('html').send(renderAddinPage(user, event));
  });
  router.get('/mail/:upn/addin/:eventId/pane', async (req, res) => {
    const user = state.findUser(String(req.params.upn));
    const event = user ? state.events.find((e) => e.id === String(req.params.eventId) && e.mailbox === user.userPrincipalName) : undefined;
    if (!user || !event) return res.status(404).type('html').send(page('404', '<p>Ukendt møde.</p>'));
    // Office's SSO token for the mailbox's owner, as Outlook's Office.auth.getAccessToken would give it.
    res.type('html').send(renderAddinPane(event, await entra.userToken(user.userPrincipalName, localApp.audience)));
  });
  /** What Outlook itself does in a mailbox goes through the same Graph handlers (and the same CSDL check). */
  const asOutlook = (method: string, path: string, json: unknown) =>
    serveGraphOperation(context, { next: () => null } as unknown as FaultInjector, stats, {
      method,
      path,
      query: new URLSearchParams(),
      headers: { authorization: 'Bearer sandbox-user' },
      json,
      raw: null,
    });
  const graphMessage = (response: { body?: unknown }) => (response.body as { error?: { message?: string } })?.error?.message ?? '';

  // "New meeting" in Outlook: a Teams meeting the person organises, made by hand.
  router.post('/mail/:upn/events', express.urlencoded({ extended: false }), (req, res) => {
    const upn = String(req.params.upn);
    const form = z
      .object({
        subject: z.string().trim().min(1).max(255),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        start: z.string().regex(/^\d{2}:\d{2}$/),
        end: z.string().regex(/^\d{2}:\d{2}$/),
      })
      .safeParse(req.body);
    if (!form.success) return res.status(400).type('html').send(page('400', '<p>Udfyld emne, dato, start og slut.</p>'));
    const { subject, date, start, end } = form.data;
    const response = asOutlook('POST', `/users/${encodeURIComponent(upn)}/events`, {
      subject,
      body: { contentType: 'html', content: '' },
      start: { dateTime: `${date}T${start}:00`, timeZone: 'Romance Standard Time' },
      end: { dateTime: `${date}T${end}:00`, timeZone: 'Romance Standard Time' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    if (response.status >= 400)
      return res
        .status(response.status)
        .type('html')
        .send(page('Fejl', `<p>${escapeHtml(graphMessage(response))}</p>`));
    const id = (response.body as { id: string }).id;
    res.redirect(303, `/sandbox/mail/${encodeURIComponent(upn)}/addin/${encodeURIComponent(id)}`);
  });
  // Saving the open meeting form: its body and attendees, as Outlook writes them to Exchange.
  router.post('/mail/:upn/events/:eventId/save', express.json({ limit: '1mb' }), (req, res) => {
    const parsed = z
      .object({
        bodyHtml: z.string().max(500_000),
        attendees: z.array(z.object({ address: z.string().email(), name: z.string().max(200) })).max(100),
      })
      .safeParse(req.body);
    if (!parsed.success) return res.status(400).json({ message: 'Ugyldigt møde.' });
    const response = asOutlook(
      'PATCH',
      `/users/${encodeURIComponent(String(req.params.upn))}/events/${encodeURIComponent(String(req.params.eventId))}`,
      {
        body: { contentType: 'html', content: parsed.data.bodyHtml },
        attendees: parsed.data.attendees.map((a) => ({ emailAddress: { address: a.address, name: a.name }, type: 'required' })),
      },
    );
    if (response.status >= 400) return res.status(response.status).json({ message: graphMessage(response) });
    res.json({ ok: true });
  });
  // Accept / Tentative / Decline go through the same Graph handler Outlook's would.
  router.post('/mail/:upn/respond', express.urlencoded({ extended: false }), (req, res) => {
    const upn = String(req.params.upn);
    const action = String(req.body?.action ?? '');
    const eventId = String(req.body?.eventId ?? '');
    if (!['accept', 'tentativelyAccept', 'decline'].includes(action))
      return res.status(400).type('html').send(page('400', '<p>Ukendt svar.</p>'));
    const response = serveGraphOperation(context, { next: () => null } as unknown as FaultInjector, stats, {
      method: 'POST',
      path: `/users/${encodeURIComponent(upn)}/events/${encodeURIComponent(eventId)}/${action}`,
      query: new URLSearchParams(),
      headers: { authorization: 'Bearer sandbox-user' },
      json: { SendResponse: true },
      raw: null,
    });
    if (response.status >= 400) {
      const message = (response.body as { error?: { message?: string } })?.error?.message ?? '';
      return res
        .status(response.status)
        .type('html')
        .send(page('Fejl', `<p>${escapeHtml(message)}</p>`));
    }
    res.redirect(303, `/sandbox/mail/${encodeURIComponent(upn)}#${encodeURIComponent(eventId)}`);
  });
  router.get('/sharepoint', (_req, res) => res.type('html').send(renderLibraryPage(state, null)));
  router.get('/sharepoint/items/:id', (req, res) => {
    const item = state.driveItems.find((i) => i.id === req.params.id);
    if (!item) return res.status(404).type('html').send(page('404', '<p>Filen findes ikke.</p>'));
    if (!item.isFolder) return res.redirect(`/sandbox/sharepoint/items/${item.id}/content`);
    res.type('html').send(renderLibraryPage(state, item));
  });
  router.get('/sharepoint/items/:id/content', (req, res) => {
    const item = state.driveItems.find((i) => i.id === req.params.id);
    if (!item) return res.status(404).end();
    const response = getContent(context, options.driveId, item.id);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`);
    send(res, response);
  });
  // The Teams meeting behind a join link: a lobby to join as one of its people, then the meeting as Teams shows it.
  const meetingOfChat = (chatId: string) => state.meetingChats.find((c) => c.id === chatId);
  router.get('/teams/meet/:number', async (req, res) => {
    const joinPath = `/sandbox/teams/meet/${encodeURIComponent(String(req.params.number))}`;
    const chat = state.meetingChats.find((c) => new URL(c.joinUrl).pathname === joinPath);
    const event = chat ? state.events.find((e) => e.id === chat.eventId) : undefined;
    if (!chat || !event)
      return res
        .status(404)
        .type('html')
        .send(page('404', `<p>${escapeHtml(sandboxTexts.pages.meetingUnknown)}</p>`));
    const people = [event.organizer.emailAddress.address, ...event.attendees.map((a) => a.emailAddress.address)]
      .map((address) => state.findUser(address))
      .filter((u): u is NonNullable<typeof u> => Boolean(u));
    const as =
      typeof req.query.as === 'string'
        ? people.find((p) => p.userPrincipalName.toLowerCase() === String(req.query.as).toLowerCase())
        : undefined;
    if (!as)
      return res.type('html').send(renderMeetingLobby(event, people, `${joinPath}?p=${encodeURIComponent(String(req.query.p ?? ''))}`));
    const token = await entra.userToken(as.userPrincipalName, localApp.audience);
    res.type('html').send(renderMeetingView({ event, chat, user: as, token, appUrl: options.publicUrl }));
  });
  router.get('/teams/meetings/:chatId/state', (req, res) => {
    const chat = meetingOfChat(String(req.params.chatId));
    if (!chat) return res.status(404).json({ code: 'NOT_FOUND' });
    res.json({ stageUrl: chat.stageUrl, startedAt: chat.startedAt, endedAt: chat.endedAt, tabs: chat.tabs.length });
  });
  // Someone shared the app to the stage (teams-js shareAppContentToStage): everyone's stage shows it.
  router.post('/teams/meetings/:chatId/stage', express.json(), (req, res) => {
    const chat = meetingOfChat(String(req.params.chatId));
    const url = z.object({ url: z.string().url().max(2000) }).safeParse(req.body);
    if (!chat || !url.success || new URL(url.data.url).origin !== new URL(options.publicUrl).origin)
      return res.status(400).json({ code: 'VALIDATION_FAILED' });
    chat.stageUrl = url.data.url;
    state.changed('meetingChats', chat);
    res.json({ ok: true });
  });
  // A person added the app to the meeting by hand and saved its configuration page: Teams installs it and adds the tab.
  router.post('/teams/meetings/:chatId/tabs', express.json(), (req, res) => {
    const chat = meetingOfChat(String(req.params.chatId));
    const config = z
      .object({
        entityId: z.string().min(1).max(200),
        contentUrl: z.string().url(),
        websiteUrl: z.string().url().optional(),
        suggestedDisplayName: z.string().max(100).optional(),
      })
      .safeParse(req.body);
    if (!chat || !config.success) return res.status(400).json({ code: 'VALIDATION_FAILED' });
    if (!chat.installedApps.some((a) => a.teamsAppId === options.teamsAppId))
      chat.installedApps.push({
        id: randomUUID(),
        teamsAppId: options.teamsAppId,
        permissions: [
          { permissionValue: 'OnlineMeeting.ReadBasic.Chat', permissionType: 'application' },
          { permissionValue: 'MeetingStage.Write.Chat', permissionType: 'delegated' },
        ],
      });
    chat.tabs.push({
      id: randomUUID(),
      teamsAppId: options.teamsAppId,
      displayName: config.data.suggestedDisplayName ?? 'Udviklingssamtale',
      entityId: config.data.entityId,
      contentUrl: config.data.contentUrl,
      websiteUrl: config.data.websiteUrl ?? config.data.contentUrl,
    });
    state.changed('meetingChats', chat);
    res.json({ ok: true });
  });
  // Starting and ending the call: Teams tells the bots installed in the meeting's chat.
  router.post(['/teams/meetings/:chatId/start', '/teams/meetings/:chatId/end'], async (req, res) => {
    const chat = meetingOfChat(String(req.params.chatId));
    const event = chat ? state.events.find((e) => e.id === chat.eventId) : undefined;
    const user = state.findUser(String(req.query.as ?? ''));
    if (!chat || !event || !user)
      return res
        .status(404)
        .type('html')
        .send(page('404', `<p>${escapeHtml(sandboxTexts.pages.meetingUnknown)}</p>`));
    const kind = req.path.endsWith('/start') ? 'start' : 'end';
    if (kind === 'start') chat.startedAt ??= new Date().toISOString();
    else chat.endedAt ??= new Date().toISOString();
    state.changed('meetingChats', chat);
    await teams.meetingEvent(chat, kind, user, { subject: event.subject, joinUrl: chat.joinUrl });
    res.redirect(303, `${new URL(chat.joinUrl).pathname}?as=${encodeURIComponent(user.userPrincipalName)}`);
  });

  return {
    router,
    state,
    faults,
    stats,
    connectorStats,
    connectorFaults,
    teams,
    context,
    graphBaseUrl: `${options.publicUrl}/sandbox/graph`,
    connectorUrl,
    entra,
  };
}
