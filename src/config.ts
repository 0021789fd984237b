import { z } from 'zod';
import { resolve } from 'node:path';

/**
 * One typed configuration from environment variables. No Microsoft 365
 * credentials → local mode (sandbox, PGlite, dev sign-in). All of them →
 * Microsoft 365 mode. Some but not all → refuse to start, naming what is missing.
 */
const m365Keys = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'SHAREPOINT_DRIVE_ID',
  'DATABASE_URL',
  'PUBLIC_URL',
  'TEAMS_APP_CATALOG_ID',
] as const;

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
  AZURE_CLIENT_SECRET: z.string().optional(),
  /** The Entra app's Application ID URI that tab tokens are issued for (api://host/clientId). */
  AZURE_API_AUDIENCE: z.string().optional(),
  SHAREPOINT_DRIVE_ID: z.string().optional(),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
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
  preparationDaysBefore: number;
  /** The Teams app and its bot. */
  teamsAppId: string;
  /** The manifest id; null = links open the tab's web address. */
  manifestAppId: string | null;
  botId: string;
  botServiceUrl: string;
} & (
  | { mode: 'local'; sandboxDriveId: string }
  | {
      mode: 'm365';
      tenantId: string;
      clientId: string;
      clientSecret: string;
      apiAudience: string;
      driveId: string;
    }
);

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const credentialKeys = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'] as const;
  const anyCredential = credentialKeys.some((k) => e[k]);
  const base = {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    templatesDir: resolve(e.TEMPLATES_DIR),
    jobConcurrency: e.JOB_CONCURRENCY,
    preparationDaysBefore: e.CHAT_PREPARATION_DAYS,
    manifestAppId: e.TEAMS_APP_ID ?? null,
  };
  if (!anyCredential) {
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
  const missing = [...m365Keys, 'ORGANISATION_FILE' as const].filter((k) => !e[k]);
  if (missing.length > 0) {
    throw new ConfigError(
      `Microsoft 365 mode needs these settings as well (local mode needs none of the AZURE_* settings): ${missing.join(', ')}`,
    );
  }
  return {
    ...base,
    mode: 'm365',
    publicUrl: e.PUBLIC_URL!.replace(/\/$/, ''),
    organisationFile: resolve(e.ORGANISATION_FILE!),
    tenantId: e.AZURE_TENANT_ID!,
    clientId: e.AZURE_CLIENT_ID!,
    clientSecret: e.AZURE_CLIENT_SECRET!,
    apiAudience: e.AZURE_API_AUDIENCE ?? `api://${new URL(e.PUBLIC_URL!).host}/${e.AZURE_CLIENT_ID}`,
    driveId: e.SHAREPOINT_DRIVE_ID!,
    teamsAppId: e.TEAMS_APP_CATALOG_ID!,
    botId: e.BOT_ID ?? e.AZURE_CLIENT_ID!,
    botServiceUrl: e.BOT_SERVICE_URL,
  };
}
