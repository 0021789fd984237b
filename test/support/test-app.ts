import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { startApp, type RunningApp } from '../../src/compose.js';
import { openTestDatabase } from './test-database.js';

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
export async function startTestApp(options: { startJobs?: boolean; now?: () => Date } = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: `${root}.data/test-unused`,
    TEMPLATES_DIR: `${root}templates`,
    ORGANISATION_FILE: `${root}config/organisation.local.json`,
    JOB_CONCURRENCY: '4',
  });
  const app = await startApp(config, {
    db,
    startJobs: options.startJobs,
    now: options.now,
    jobs: { pollIntervalMs: 25, backoffBaseMs: 20, backoffCapMs: 250 },
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
