import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { startApp, type RunningApp } from '../../src/compose.js';
import { openTestDatabase } from './test-database.js';
import type { JobRunnerOptions } from '../../src/jobs/job-runner.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface TestApp extends RunningApp {
  /** Signs in as a sandbox person and returns a fetch bound to the API with their token. */
  as(upn: string): Promise<ApiCaller>;
  stop(): Promise<void>;
}

export type ApiCaller = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: any }>;

/** The whole app in local mode on a free port, with a test database and quick job retries. */
export async function startTestApp(
  options: {
    startJobs?: boolean;
    now?: () => Date;
    jobs?: Partial<JobRunnerOptions>;
    organisationFile?: string;
    planBacklogLimit?: number;
  } = {},
): Promise<TestApp> {
  const db = await openTestDatabase();
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: `${root}.data/test-unused`,
    TEMPLATES_DIR: `${root}templates`,
    ORGANISATION_FILE: options.organisationFile ?? `${root}config/organisation.local.json`,
    JOB_CONCURRENCY: '4',
    ...(options.planBacklogLimit ? { PLAN_BACKLOG_LIMIT: String(options.planBacklogLimit) } : {}),
  });
  const app = await startApp(config, {
    db,
    startJobs: options.startJobs,
    now: options.now,
    jobs: { pollIntervalMs: 25, backoffBaseMs: 20, backoffCapMs: 250, ...options.jobs },
  });
  return Object.assign(app, {
    async as(upn: string): Promise<ApiCaller> {
      const signIn = await fetch(`${app.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn }),
      });
      const { token } = (await signIn.json()) as { token: string };
      return async (method, path, body, headers = {}) => {
        const isBinary = body instanceof Uint8Array;
        const response = await fetch(`${app.url}/api${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            ...(body !== undefined && !isBinary ? { 'Content-Type': 'application/json' } : {}),
            ...headers,
          },
          body: body === undefined ? undefined : isBinary ? Buffer.from(body) : JSON.stringify(body),
        });
        return { status: response.status, body: await response.json().catch(() => null) };
      };
    },
    async stop() {
      await app.close();
      await db.drop();
    },
  });
}

export const lead = 'mette.lund@sohavn.example';
export const leader = 'anders.holm@sohavn.example';

export const planBody = (overrides: Record<string, unknown> = {}) => ({
  schoolId: 'bakkeskolen',
  templateId: 'aarhus-2025',
  startsAt: '2027-03-10T08:00:00Z',
  endsAt: '2027-03-10T10:00:00Z',
  theme: 'Deltagelsesmuligheder for alle børn',
  extraTopics: ['Omstillingsplanen'],
  ...overrides,
});

/** Polls until the probe answers something truthy; background jobs make many outcomes eventual. */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Plans a Bakkeskolen conversation, fills in the school's part with these invitees and sends the agenda. */
export async function conversationWithAgendaSent(
  app: TestApp,
  invitees: { upn: string; role: string }[],
  plan: Record<string, unknown> = {},
): Promise<string> {
  const asLead = await app.as(lead);
  const asLeader = await app.as(leader);
  const planned = await asLead('POST', '/conversations', planBody(plan));
  if (planned.status !== 201) throw new Error(`plan failed: ${JSON.stringify(planned.body)}`);
  const id = planned.body.id as string;
  // The invitation job moves the conversation to "invited" (a new version) in the background.
  await waitFor(async () => (await asLeader('GET', `/conversations/${id}`)).body.status === 'invited');
  const current = (await asLeader('GET', `/conversations/${id}`)).body;
  const saved = await asLeader('PUT', `/conversations/${id}/school-part`, {
    version: current.version,
    developmentAreas: 'Pauserne som relationsrum',
    learningFocus: 'Hvordan bliver frikvarteret et læringsrum?',
    participants: invitees,
  });
  if (saved.status !== 200) throw new Error(`school part failed: ${JSON.stringify(saved.body)}`);
  const sent = await asLeader('POST', `/conversations/${id}/send-agenda`, { version: saved.body.version });
  if (sent.status !== 200) throw new Error(`send agenda failed: ${JSON.stringify(sent.body)}`);
  return id;
}
