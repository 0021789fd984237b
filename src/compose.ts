import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuthenticationHandler } from '@microsoft/microsoft-graph-client';
import { CloudAdapter } from '@microsoft/agents-hosting';
import type { AppConfig } from './config.js';
import type { Database } from './store/database.js';
import { openPgliteDatabase } from './store/pglite-database.js';
import { migrate } from './store/migrate.js';
import { loadOrganisation, loadTemplates } from './store/catalog-files.js';
import { createSandbox, localApp, type Sandbox } from './sandbox/sandbox-server.js';
import { sandboxTenantId } from './sandbox/graph/teamwork-handlers.js';
import { GraphExecutor } from './m365/graph-executor.js';
import { SandboxAuthenticationHandler } from './m365/graph-auth.js';
import { appOnlyGraphTokens, onBehalfOfGraphTokens } from './m365/entra/graph-token-providers.js';
import type { Directory } from './app/ports/directory.js';
import { graphDirectory } from './m365/graph-directory.js';
import { graphCalendarGateway, graphPersonalCalendar } from './m365/graph-calendar-gateway.js';
import type { PersonalCalendar } from './app/ports/calendar-gateway.js';
import { addinRoutes } from './server/routes/addin-routes.js';
import { meetingRoutes } from './server/routes/meeting-routes.js';
import { seasonRoutes } from './server/routes/season-routes.js';
import { yearRoutes } from './server/routes/year-routes.js';
import { meetingStreamHub } from './server/meeting-stream-hub.js';
import { followMeetingChanges, liveRunOf } from './app/meeting/live-agenda.js';
import { graphDocumentLibrary } from './m365/graph-document-library.js';
import { graphMailer } from './m365/graph-mailer.js';
import { graphMeetingSpace } from './m365/graph-meeting-space.js';
import { graphPersonalChats } from './m365/graph-personal-chats.js';
import { JobRunner, type JobRunnerOptions } from './jobs/job-runner.js';
import { appLinks } from './app/app-links.js';
import { danishLexicon } from './store/danish-lexicon.js';
import type { AppContext } from './app/app-context.js';
import { jobHandlers } from './workers/job-handlers.js';
import { startChatScheduleTimer } from './workers/chat-schedule-timer.js';
import { EntraAuthenticator, entraTenant } from './server/auth/entra-authenticator.js';
import { createLocalJWKSet } from 'jose';
import { requireActor } from './server/actor.js';
import { resolvePerson } from './app/people/resolve-person.js';
import { conversationRoutes } from './server/routes/conversation-routes.js';
import { catalogRoutes } from './server/routes/catalog-routes.js';
import { devSignInRoutes } from './server/routes/dev-sign-in-routes.js';
import { minutesRoutes } from './server/routes/minutes-routes.js';
import { publicNoteRoutes } from './server/routes/public-note-routes.js';
import { schoolPlanRoutes } from './server/routes/school-plan-routes.js';
import { reflectionRoutes } from './server/routes/reflection-routes.js';
import { evaluationRoutes } from './server/routes/evaluation-routes.js';
import { draftRoutes } from './server/routes/draft-routes.js';
import { authConfigRoutes } from './server/routes/auth-config-routes.js';
import { jsonBody } from './server/json-body.js';
import { securityHeaders } from './server/security-headers.js';
import { activityProblem } from './server/activity-check.js';
import { errorMapping, errorBody } from './server/error-mapping.js';
import { localeFromAcceptLanguage } from './i18n/messages.js';
import { createAgent } from '../bot/agent.js';
import { agentsChatSender } from '../bot/agents-chat-sender.js';
import { ChatPacer, pacedConversationLimits, pacingMiddleware, type SendSlots } from '../bot/chat-pacer.js';
import { memorySendTimeline } from './m365/memory-send-timeline.js';
import { reserveSendSlot } from './store/send-slots-repository.js';
import { appPath } from './app-root.js';

export interface ComposeOverrides {
  db?: Database;
  now?: () => Date;
  jobs?: Partial<JobRunnerOptions>;
  /** The chat pacer's clock and limits; the benchmark and tests set their own. */
  pacer?: ChatPacer;
  /** Runs the chat scheduler every this many ms (0 = never; tests call it themselves). */
  chatScheduleIntervalMs?: number;
  /** Tests drive the job runner themselves when false. */
  startJobs?: boolean;
}

export interface RunningApp {
  url: string;
  server: Server;
  ctx: AppContext;
  db: Database;
  runner: JobRunner;
  graph: GraphExecutor;
  sandbox: Sandbox | null;
  close(): Promise<void>;
}

const tabDist = appPath('dist', 'tab');
const addinDist = appPath('dist', 'addin');

/** The bot's credentials for the Agents SDK: the same app registration and credential as Graph's. */
function botAuthConfiguration(config: Extract<AppConfig, { mode: 'm365' }>) {
  const common = { clientId: config.botId, tenantId: config.tenantId, authorityEndpoint: config.authorityHost };
  const { credential } = config;
  if (credential.kind === 'managedIdentity') return { ...common, authType: 'FederatedCredentials', FICClientId: credential.clientId };
  if (credential.kind === 'certificate')
    return { ...common, authType: 'Certificate', certPemFile: credential.path, certKeyFile: credential.path };
  return { ...common, authType: 'ClientSecret', clientSecret: credential.secret };
}

export async function openDatabase(config: AppConfig): Promise<Database> {
  // node-postgres and MSAL are loaded only where they are used: the embedded database needs neither.
  if (config.databaseUrl) {
    const { openPostgresDatabase } = await import('./store/postgres-database.js');
    if (config.databaseEntraAuth && config.mode === 'm365' && config.credential.kind === 'managedIdentity') {
      const { postgresEntraToken } = await import('./m365/entra/entra-credentials.js');
      return openPostgresDatabase(config.databaseUrl, undefined, postgresEntraToken(config.credential.clientId));
    }
    return openPostgresDatabase(config.databaseUrl);
  }
  mkdirSync(config.dataDir, { recursive: true });
  return openPgliteDatabase(join(config.dataDir, 'db'));
}

/**
 * The composition root: the one place that knows which adapters run. Local
 * mode wires the sandbox, the dev sign-in and app-only sandbox tokens;
 * Microsoft 365 mode wires Graph with MSAL and Entra ID token checks. The use
 * cases, workers and routes are the same objects either way.
 */
export async function startApp(config: AppConfig, overrides: ComposeOverrides = {}): Promise<RunningApp> {
  const app = express();
  app.disable('x-powered-by');
  // No client of ours compresses what it sends; a compressed or mislabelled body is refused before any parser
  // tries to inflate it (a failed inflate would otherwise surface as an unhandled stream error).
  app.use((req, res, next) => {
    const encoding = (req.header('content-encoding') ?? 'identity').trim().toLowerCase();
    if (encoding === 'identity' || encoding === '') return next();
    res.status(415).json(errorBody('UNSUPPORTED_MEDIA_TYPE', localeFromAcceptLanguage(req.header('accept-language'))));
  });
  app.use(
    securityHeaders({
      authorityHost: config.mode === 'm365' ? config.authorityHost : 'https://login.microsoftonline.com',
      graphBaseUrl: config.mode === 'm365' ? config.graphBaseUrl : 'https://graph.microsoft.com',
    }),
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const url = config.port === 0 || (config.mode === 'local' && !process.env.PUBLIC_URL) ? `http://localhost:${port}` : config.publicUrl;

  const db = overrides.db ?? (await openDatabase(config));
  await migrate(db);
  const [templates, organisation] = await Promise.all([loadTemplates(config.templatesDir), loadOrganisation(config.organisationFile)]);

  const sandbox =
    config.mode === 'local'
      ? createSandbox({
          dataDir: overrides.db ? null : config.dataDir,
          publicUrl: url,
          driveId: config.sandboxDriveId,
          teamsAppId: config.teamsAppId,
          botId: config.botId,
        })
      : null;
  // Microsoft 365 mode: one MSAL client for the app (managed identity as federated credential, certificate or secret).
  const entraClient =
    config.mode === 'm365'
      ? (await import('./m365/entra/entra-credentials.js')).createConfidentialClient({
          tenantId: config.tenantId,
          clientId: config.clientId,
          authorityHost: config.authorityHost,
          credential: config.credential,
        })
      : null;
  const graphBaseUrl = config.mode === 'local' ? sandbox!.graphBaseUrl : config.graphBaseUrl;
  // The background work's Graph: calls from many conversations' syncs share batches (a 5 ms idle window, at most 50 ms).
  const graph = new GraphExecutor({
    baseUrl: graphBaseUrl,
    authentication:
      config.mode === 'local' ? new SandboxAuthenticationHandler() : new AuthenticationHandler(appOnlyGraphTokens(entraClient!)),
    batchWindowMs: 5,
    maxBatchWaitMs: 50,
  });
  // Graph as the signed-in person (On-Behalf-Of their token): what they may see, not what the app may see.
  const directoryAs = (token: string): Directory => {
    if (!entraClient) return graphDirectory(graph);
    const tokens = onBehalfOfGraphTokens(entraClient, token);
    const directory = graphDirectory(new GraphExecutor({ baseUrl: graphBaseUrl, authentication: new AuthenticationHandler(tokens) }));
    // The person's token first (MSAL caches it for the call): a missing consent is then said as such, not as a Graph failure.
    return { ...directory, search: async (text) => (await tokens.getAccessToken(), directory.search(text)) };
  };
  // The person's own calendar (the add-in's meeting): On-Behalf-Of them in Microsoft 365 mode; locally the sandbox's mailbox.
  const calendarOf = (actor: { upn: string; token: string }): PersonalCalendar =>
    entraClient
      ? graphPersonalCalendar(
          new GraphExecutor({
            baseUrl: graphBaseUrl,
            authentication: new AuthenticationHandler(onBehalfOfGraphTokens(entraClient, actor.token)),
          }),
          'me',
        )
      : graphPersonalCalendar(graph, actor.upn);
  const driveId = config.mode === 'local' ? config.sandboxDriveId : config.driveId;

  // One adapter for both directions: inbound turns and proactive sends. Local mode has no app id: anonymous, as the SDK's local development is.
  const adapter = new CloudAdapter(config.mode === 'local' ? {} : botAuthConfiguration(config));
  // The SDK's default turn error handler tells users to "fix the source code"; ours logs and lets the agent apologise in Danish.
  adapter.onTurnError = async (context, error) =>
    console.error('Bot turn failed:', context.activity.type, (error as any)?.response?.data ?? error);
  // Teams' limits held across instances: send slots reserved in the PostgreSQL every instance shares;
  // embedded PGlite belongs to this one process, so its timeline is kept here.
  const sendSlots: SendSlots =
    db.kind === 'postgres'
      ? (tenantId, conversationId) => reserveSendSlot(db, tenantId, conversationId, pacedConversationLimits)
      : memorySendTimeline(pacedConversationLimits);
  adapter.use(pacingMiddleware(overrides.pacer ?? new ChatPacer(sendSlots)));

  let runner: JobRunner | null = null;
  const ctx: AppContext = {
    db,
    organisation,
    templates,
    directory: graphDirectory(graph),
    calendar: graphCalendarGateway(graph),
    library: graphDocumentLibrary(graph, driveId),
    mailer: graphMailer(graph),
    chat: agentsChatSender(adapter, config.mode === 'local' ? null : config.botId),
    personalChats: graphPersonalChats(graph, {
      teamsAppId: config.teamsAppId,
      botId: config.botId,
      serviceUrl: sandbox ? sandbox.connectorUrl : config.botServiceUrl,
    }),
    meetingSpace: graphMeetingSpace(graph, { teamsAppId: config.teamsAppId }),
    links: appLinks({ publicUrl: url, manifestAppId: config.mode === 'm365' ? config.manifestAppId : null }),
    lexicon: danishLexicon,
    now: overrides.now ?? (() => new Date()),
    wakeJobs: () => runner?.wake(),
    limits: { planBacklog: config.planBacklogLimit },
  };
  runner = new JobRunner(db, jobHandlers(ctx), {
    concurrency: config.jobConcurrency,
    pollIntervalMs: 1000,
    backoffBaseMs: 2000,
    backoffCapMs: 5 * 60_000,
    ...overrides.jobs,
  });

  // The same token check in both modes: Entra ID's keys in Microsoft 365 mode, the sandbox's stand-in locally.
  const authenticator =
    config.mode === 'local'
      ? new EntraAuthenticator({
          tenantId: sandboxTenantId,
          audiences: [localApp.audience, localApp.clientId],
          issuers: [sandbox!.entra.issuer()],
          keys: createLocalJWKSet(sandbox!.entra.jwks as never),
        })
      : new EntraAuthenticator({
          tenantId: config.tenantId,
          audiences: [config.apiAudience, config.clientId],
          ...entraTenant(config.tenantId, config.authorityHost),
        });
  // Liveness: the process answers. Readiness: it can do its work (App Service's health check and /readyz for the administrator).
  app.get('/healthz', (_req, res) => res.json({ ok: true, mode: config.mode }));
  app.get('/readyz', async (_req, res) => {
    const check = async (probe: () => Promise<unknown>) => {
      try {
        await probe();
        return 'ok';
      } catch (error) {
        return `failed: ${String((error as Error).message ?? error).slice(0, 200)}`;
      }
    };
    const checks = {
      database: await check(() => db.query('select 1')),
      graphToken: await check(async () => {
        if (entraClient) await entraClient.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
      }),
      jobRunner: runner!.isRunning || overrides.startJobs === false ? 'ok' : 'failed: not running',
    };
    const ready = Object.values(checks).every((c) => c === 'ok');
    res.status(ready ? 200 : 503).json({ ready, mode: config.mode, checks });
  });
  if (sandbox) app.use('/sandbox', sandbox.router);
  app.use(publicNoteRoutes(ctx));
  // The bot's messaging endpoint: Bot Service JWTs checked by the Agents SDK in Microsoft 365 mode; anonymous only in local mode.
  const agent = createAgent({ ctx, tenantId: config.mode === 'm365' ? config.tenantId : null });
  app.post(
    '/api/messages',
    jsonBody({ limit: '1mb', rule: 'controlCharactersOnly' }),
    (req, res, next) => (config.mode === 'm365' ? adapter.authorizeRequest(req as never, res as never, next) : next()),
    // A malformed activity is the sender's mistake (400), never ours (500); locally only the sandbox's Teams may post, and only about itself.
    (req, res, next) => {
      const problem = activityProblem(req.body, sandbox ? sandbox.connectorUrl : null);
      if (problem)
        return res.status(400).json(errorBody('INVALID_ACTIVITY', localeFromAcceptLanguage(req.header('accept-language')), { problem }));
      next();
    },
    async (req, res, next) => {
      try {
        await adapter.process(req as never, res as never, (context) => agent.run(context));
      } catch (error) {
        // The Agents SDK validates activities with its own zod: its refusals are the sender's mistake too.
        if ((error as { name?: string })?.name === 'ZodError' && !res.headersSent) {
          return res
            .status(400)
            .json(errorBody('INVALID_ACTIVITY', localeFromAcceptLanguage(req.header('accept-language')), { problem: 'schema' }));
        }
        next(error);
      }
    },
  );
  const meetingHub = meetingStreamHub(
    (handler) => followMeetingChanges(ctx, handler),
    (conversationId) => liveRunOf(ctx, conversationId),
  );
  const api = express.Router();
  api.use(authConfigRoutes(config));
  if (sandbox) api.use(devSignInRoutes(sandbox.state, sandbox.entra, localApp.audience));
  api.use(requireActor(authenticator, organisation, (tid, oid) => resolvePerson(ctx, tid, oid)));
  api.use(catalogRoutes(ctx, config.mode, directoryAs));
  api.use(conversationRoutes(ctx));
  api.use(minutesRoutes(ctx));
  api.use(schoolPlanRoutes(ctx));
  api.use(reflectionRoutes(ctx));
  api.use(evaluationRoutes(ctx));
  api.use(draftRoutes(ctx));
  api.use(addinRoutes(ctx, calendarOf));
  api.use(meetingRoutes(ctx, meetingHub));
  api.use(seasonRoutes(ctx, calendarOf));
  api.use(yearRoutes(ctx));
  api.use((req, res) => res.status(404).json(errorBody('NOT_FOUND', localeFromAcceptLanguage(req.header('accept-language')))));
  app.use('/api', api);
  // The Outlook add-in's pane (the manifest's extensions runtime points at /addin/).
  if (existsSync(addinDist)) {
    app.use(
      '/addin',
      express.static(addinDist, {
        index: 'index.html',
        maxAge: '1h',
        setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
      }),
    );
  }
  if (existsSync(tabDist)) {
    app.use(
      express.static(tabDist, {
        index: 'index.html',
        maxAge: '1h',
        setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
      }),
    );
    app.get(/^\/(?!api|sandbox|offentligt|addin).*/, (_req, res) => res.sendFile(join(tabDist, 'index.html')));
  }
  app.use(errorMapping);

  if (overrides.startJobs !== false) runner.start();
  const scheduleEvery = overrides.chatScheduleIntervalMs ?? (overrides.startJobs === false ? 0 : 60_000);
  const stopSchedule =
    scheduleEvery > 0
      ? startChatScheduleTimer(ctx, { reminderDaysBefore: [10, 7], preparationDaysBefore: config.preparationDaysBefore }, scheduleEvery)
      : () => {};
  return {
    url,
    server,
    ctx,
    db,
    runner,
    graph,
    sandbox,
    async close() {
      stopSchedule();
      await runner.stop();
      // Open event streams (the meeting's side panels) never end by themselves: close them with the server.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await closed;
      await meetingHub.close();
      sandbox?.state.flush();
      if (!overrides.db) await db.close();
    },
  };
}
