import { z } from 'zod';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppCredential } from './m365/entra/entra-credentials.js';

/**
 * One typed configuration from environment variables. No Microsoft 365
 * settings → local mode (sandbox, PGlite, dev sign-in). All of them →
 * Microsoft 365 mode. Some but not all, or any malformed → refuse to start,
 * naming every problem at once (an administrator fixes them in one go).
 */
const requiredInM365 = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'SHAREPOINT_DRIVE_ID',
  'DATABASE_URL',
  'PUBLIC_URL',
  'ORGANISATION_FILE',
  'TEAMS_APP_CATALOG_ID',
] as const;
/** Any of these means the administrator meant Microsoft 365 mode. */
const m365Markers = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_FEDERATED_IDENTITY_CLIENT_ID',
] as const;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().optional(),
  ORGANISATION_FILE: z.string().optional(),
  TEMPLATES_DIR: z.string().default('templates'),
  AZURE_TENANT_ID: z.string().optional(),
  AZURE_CLIENT_ID: z.string().optional(),
  /** Production: the user-assigned managed identity that is a federated credential of the app (no secret). */
  AZURE_FEDERATED_IDENTITY_CLIENT_ID: z.string().optional(),
  /** Alternative: a PEM file with the app's certificate and private key (e.g. from Key Vault). */
  AZURE_CLIENT_CERTIFICATE_PATH: z.string().optional(),
  /** A developer's test tenant only. */
  AZURE_CLIENT_SECRET: z.string().optional(),
  /** The Entra authority host; a national cloud, or the sandbox's stand-in in tests. */
  AZURE_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  /** Where Graph requests go; the sandbox in tests. */
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com'),
  /** The Entra app's Application ID URI that tab tokens are issued for (api://host/clientId). */
  AZURE_API_AUDIENCE: z.string().optional(),
  SHAREPOINT_DRIVE_ID: z.string().optional(),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(128).default(64),
  PLAN_BACKLOG_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(500),
  /** The app's id in the tenant's app catalog (not the manifest id), for installing it for people through Graph. */
  TEAMS_APP_CATALOG_ID: z.string().optional(),
  /** The Teams app's manifest id, for deep links from chat cards into the tab (Microsoft 365 mode). */
  TEAMS_APP_ID: z.string().optional(),
  /** The bot's Entra app id; the same app registration as the rest of the product unless set. */
  BOT_ID: z.string().optional(),
  /** Where proactive messages go before a person has written to the bot (Teams' global Bot Connector endpoint). */
  BOT_SERVICE_URL: z.url().default('https://smba.trafficmanager.net/teams/'),
  /** How many days before the meeting the preparation card is sent. */
  CHAT_PREPARATION_DAYS: z.coerce.number().int().min(0).max(14).default(2),
  /** How the app signs in to PostgreSQL: the URL's password, or the managed identity's Entra token (Azure). */
  DATABASE_AUTH: z.enum(['password', 'entra']).default('password'),
  /** Application Insights; traces and job outcomes go there when set. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().optional(),
});

export type AppConfig = {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  organisationFile: string;
  templatesDir: string;
  jobConcurrency: number;
  /** Conversations waiting for Microsoft 365 beyond which "Plan samtale" answers 503 with Retry-After. */
  planBacklogLimit: number;
  preparationDaysBefore: number;
  /** The Teams app and its bot. */
  teamsAppId: string;
  /** The manifest id; null = links open the tab's web address. */
  manifestAppId: string | null;
  botId: string;
  botServiceUrl: string;
  appInsightsConnectionString: string | null;
  /** Sign in to PostgreSQL with the managed identity's Entra token instead of a password. */
  databaseEntraAuth: boolean;
} & (
  | { mode: 'local'; sandboxDriveId: string }
  | {
      mode: 'm365';
      tenantId: string;
      clientId: string;
      credential: AppCredential;
      authorityHost: string;
      graphBaseUrl: string;
      apiAudience: string;
      driveId: string;
    }
);

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  const e = parsed.data;
  const base = {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    templatesDir: resolve(e.TEMPLATES_DIR),
    jobConcurrency: e.JOB_CONCURRENCY,
    planBacklogLimit: e.PLAN_BACKLOG_LIMIT,
    preparationDaysBefore: e.CHAT_PREPARATION_DAYS,
    manifestAppId: e.TEAMS_APP_ID ?? null,
    appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING ?? null,
    databaseEntraAuth: e.DATABASE_AUTH === 'entra',
  };
  if (!m365Markers.some((k) => e[k])) {
    return {
      ...base,
      mode: 'local',
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
      organisationFile: resolve(e.ORGANISATION_FILE ?? 'config/organisation.local.json'),
      sandboxDriveId: 'sandbox-drive',
      teamsAppId: 'udviklingssamtale-sandbox-app',
      botId: 'udviklingssamtale-sandbox-bot',
      // Set once the sandbox knows its address; the sandbox's Bot Connector lives under /sandbox/connector/.
      botServiceUrl: '',
    };
  }

  // Microsoft 365 mode: every problem is named, then the start is refused.
  const missing = requiredInM365.filter((k) => !e[k]);
  if (missing.length > 0) problems.push(`missing (local mode needs none of the AZURE_* settings): ${missing.join(', ')}`);
  for (const key of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_FEDERATED_IDENTITY_CLIENT_ID'] as const) {
    if (e[key] && !guid.test(e[key])) problems.push(`${key}: must be a GUID (Entra shows it on the app's or identity's overview page)`);
  }
  const credentials = (['AZURE_FEDERATED_IDENTITY_CLIENT_ID', 'AZURE_CLIENT_CERTIFICATE_PATH', 'AZURE_CLIENT_SECRET'] as const).filter(
    (k) => e[k],
  );
  if (credentials.length === 0) {
    problems.push(
      'a credential: AZURE_FEDERATED_IDENTITY_CLIENT_ID (managed identity, recommended), AZURE_CLIENT_CERTIFICATE_PATH, or AZURE_CLIENT_SECRET (test tenants only)',
    );
  }
  if (credentials.length > 1) problems.push(`only one credential, not ${credentials.join(' and ')}`);
  if (e.AZURE_CLIENT_CERTIFICATE_PATH && !existsSync(e.AZURE_CLIENT_CERTIFICATE_PATH)) {
    problems.push(`AZURE_CLIENT_CERTIFICATE_PATH: no file at ${e.AZURE_CLIENT_CERTIFICATE_PATH}`);
  }
  if (e.PUBLIC_URL && !e.PUBLIC_URL.startsWith('https://'))
    problems.push('PUBLIC_URL: must be https:// (Teams loads tabs over https only)');
  if (e.DATABASE_URL && !/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) problems.push('DATABASE_URL: must be a postgres:// connection string');
  if (e.ORGANISATION_FILE && !existsSync(e.ORGANISATION_FILE)) problems.push(`ORGANISATION_FILE: no file at ${e.ORGANISATION_FILE}`);
  if (e.DATABASE_AUTH === 'entra' && !e.AZURE_FEDERATED_IDENTITY_CLIENT_ID) {
    problems.push('DATABASE_AUTH=entra: needs AZURE_FEDERATED_IDENTITY_CLIENT_ID (the managed identity signs in to PostgreSQL)');
  }
  if (problems.length > 0) throw new ConfigError(`Microsoft 365 mode cannot start. Fix these settings:\n- ${problems.join('\n- ')}`);

  const credential: AppCredential = e.AZURE_FEDERATED_IDENTITY_CLIENT_ID
    ? { kind: 'managedIdentity', clientId: e.AZURE_FEDERATED_IDENTITY_CLIENT_ID }
    : e.AZURE_CLIENT_CERTIFICATE_PATH
      ? { kind: 'certificate', path: resolve(e.AZURE_CLIENT_CERTIFICATE_PATH) }
      : { kind: 'secret', secret: e.AZURE_CLIENT_SECRET! };
  return {
    ...base,
    mode: 'm365',
    publicUrl: e.PUBLIC_URL!.replace(/\/$/, ''),
    organisationFile: resolve(e.ORGANISATION_FILE!),
    tenantId: e.AZURE_TENANT_ID!,
    clientId: e.AZURE_CLIENT_ID!,
    credential,
    authorityHost: e.AZURE_AUTHORITY_HOST.replace(/\/$/, ''),
    graphBaseUrl: e.GRAPH_BASE_URL.replace(/\/$/, ''),
    apiAudience: e.AZURE_API_AUDIENCE ?? `api://${new URL(e.PUBLIC_URL!).host}/${e.AZURE_CLIENT_ID}`,
    driveId: e.SHAREPOINT_DRIVE_ID!,
    teamsAppId: e.TEAMS_APP_CATALOG_ID!,
    botId: e.BOT_ID ?? e.AZURE_CLIENT_ID!,
    botServiceUrl: e.BOT_SERVICE_URL,
  };
}
