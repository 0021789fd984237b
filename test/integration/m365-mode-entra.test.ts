import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { createServer, type Server } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { startApp, type RunningApp } from '../../src/compose.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox-server.js';
import type { EntraAppRegistration } from '../../src/sandbox/entra/entra-stand-in.js';
import { createConfidentialClient, postgresEntraToken } from '../../src/m365/entra/entra-credentials.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { openTestDatabase } from '../support/test-database.js';
import { planBody, waitFor } from '../support/test-app.js';

/**
 * Microsoft 365 mode's own code — MSAL (managed identity as federated
 * credential, certificate, On-Behalf-Of), the token check, Graph over https —
 * against the sandbox's Entra ID stand-in and a Graph that demands the
 * stand-in's tokens. No Microsoft 365 tenant, no mock of our code.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const tenantId = '8f6c1b52-0d3e-4a7b-9c21-5e4d3c2b1a00';
const clientId = '1d2c3b4a-5e6f-4071-8293-a4b5c6d7e8f9';
const identity = {
  clientId: '2e3d4c5b-6f70-4182-93a4-b5c6d7e8f901',
  principalId: '3f4e5d6c-7081-4293-a4b5-c6d7e8f90112',
  header: 'identity-header-from-app-service',
};
const audience = `api://app.example.dk/${clientId}`;

let https: Server;
let base = '';
let sandbox: Sandbox;
let app: RunningApp;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let certificatePath = '';
let registrations: EntraAppRegistration[] = [];

const call = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${app.url}/api${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });

beforeAll(async () => {
  // The app's certificate, for the certificate credential.
  const dir = mkdtempSync(join(tmpdir(), 'udviklingssamtale-app-cert-'));
  certificatePath = join(dir, 'app.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=udviklingssamtale',
    ],
    { stdio: 'ignore' },
  );
  const pem = readFileSync(join(dir, 'cert.pem'), 'utf8') + readFileSync(join(dir, 'key.pem'), 'utf8');
  (await import('node:fs')).writeFileSync(certificatePath, pem);

  const host = express();
  https = createServer({ key: readFileSync(process.env.TEST_TLS_KEY!), cert: readFileSync(process.env.TEST_TLS_CERT!) }, host);
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  base = `https://localhost:${(https.address() as AddressInfo).port}`;
  sandbox = createSandbox({
    dataDir: null,
    publicUrl: base,
    driveId: 'b!drive',
    teamsAppId: 'f1a2b3c4-0000-4000-8000-000000000001',
    botId: clientId,
    verifyGraphTokens: true,
    entra: {
      tenantId,
      apps: (registrations = [
        {
          clientId,
          federatedSubjects: [identity.principalId],
          certificates: [readFileSync(join(dir, 'cert.pem'), 'utf8')],
          identifierUris: [audience],
          graphRoles: [
            'User.Read.All',
            'Calendars.ReadWrite',
            'Sites.Selected',
            'Mail.Send',
            'TeamsAppInstallation.ReadWriteSelfForUser.All',
          ],
          graphScopes: ['User.Read', 'User.ReadBasic.All', 'Calendars.ReadBasic'],
        },
      ]),
      managedIdentity: identity,
    },
  });
  host.use('/sandbox', sandbox.router);
  // App Service's managed identity endpoint, as App Service sets it for the process.
  process.env.IDENTITY_ENDPOINT = `${base}/sandbox/entra/msi/token`;
  process.env.IDENTITY_HEADER = identity.header;

  db = await openTestDatabase();
  const config = loadConfig({
    PORT: '0',
    AZURE_TENANT_ID: tenantId,
    AZURE_CLIENT_ID: clientId,
    AZURE_FEDERATED_IDENTITY_CLIENT_ID: identity.clientId,
    AZURE_AUTHORITY_HOST: `${base}/sandbox/entra`,
    GRAPH_BASE_URL: `${base}/sandbox/graph`,
    SHAREPOINT_DRIVE_ID: 'b!drive',
    TEAMS_APP_CATALOG_ID: 'f1a2b3c4-0000-4000-8000-000000000001',
    DATABASE_URL: 'postgres://unused-the-test-passes-its-own',
    PUBLIC_URL: 'https://app.example.dk',
    ORGANISATION_FILE: `${root}config/organisation.local.json`,
    TEMPLATES_DIR: `${root}templates`,
  });
  app = await startApp(config, { db, jobs: { pollIntervalMs: 25, backoffBaseMs: 20, backoffCapMs: 250 }, chatScheduleIntervalMs: 0 });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  await new Promise<void>((resolve) => https?.close(() => resolve()));
  delete process.env.IDENTITY_ENDPOINT;
  delete process.env.IDENTITY_HEADER;
});

describe('Microsoft 365 mode against the Entra ID stand-in', () => {
  it('knows the person by the token’s oid, named from the directory with an app token got by the managed identity', async () => {
    const token = await sandbox.entra.userToken('mette.lund@sohavn.example', audience);
    const me = await call(token, '/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      upn: 'mette.lund@sohavn.example',
      displayName: 'Mette Lund',
      isMunicipalLead: true,
      mode: 'm365',
    });
    const grants = sandbox.entra.issued.map((i) => i.grant);
    // MSAL asked App Service's identity endpoint for a token-exchange token, then Entra for a Graph token with it.
    expect(grants).toContain('managed_identity');
    expect(sandbox.entra.issued.find((i) => i.grant === 'managed_identity')!.audience).toBe('api://AzureADTokenExchange');
    expect(grants).toContain('client_credentials');
    expect(sandbox.stats.tokens.app).toBeGreaterThan(0);
  });

  it('tells the tab how to sign in, without anything secret', async () => {
    const response = await fetch(`${app.url}/api/auth-config`);
    expect(await response.json()).toEqual({
      mode: 'm365',
      clientId,
      tenantId,
      authority: `${base}/sandbox/entra/${tenantId}`,
      scope: `${audience}/access_as_user`,
      adminConsentUrl: `${base}/sandbox/entra/${tenantId}/adminconsent?client_id=${clientId}`,
    });
  });

  it('refuses a token for another API, from another tenant, expired, or none, with 401', async () => {
    const cases = [
      await sandbox.entra.userToken('mette.lund@sohavn.example', 'api://another-app'),
      await sandbox.entra.userToken('mette.lund@sohavn.example', audience, { tenantId: '00000000-0000-4000-8000-000000000000' }),
      await sandbox.entra.userToken('mette.lund@sohavn.example', audience, { expiresInSeconds: -300 }),
      'not-a-token',
    ];
    for (const token of cases) {
      const response = await call(token, '/me');
      expect(response.status).toBe(401);
      expect((await response.json()).code).toBe('UNAUTHENTICATED');
    }
  });

  it('searches people as the person (On-Behalf-Of their token)', async () => {
    const token = await sandbox.entra.userToken('anders.holm@sohavn.example', audience);
    const before = sandbox.stats.tokens.delegated;
    const response = await call(token, '/people?q=Jonas');
    expect(response.status).toBe(200);
    expect((await response.json()).people.map((p: { upn: string }) => p.upn)).toContain('jonas.kjaer@sohavn.example');
    expect(
      sandbox.entra.issued.some(
        (i) => i.grant === 'on_behalf_of' && i.subject === sandbox.state.findUser('anders.holm@sohavn.example')!.id,
      ),
    ).toBe(true);
    expect(sandbox.stats.tokens.delegated).toBeGreaterThan(before);
  });

  it('says consent is missing (403, Danish) when the delegated permissions are not approved, never 500', async () => {
    const registration = registrations[0]!;
    registration.delegatedConsent = false;
    try {
      const token = await sandbox.entra.userToken('sofie.berg@sohavn.example', audience);
      const response = await call(token, '/people?q=Jonas');
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'CONSENT_REQUIRED', message: expect.stringContaining('Bed din administrator') });
    } finally {
      registration.delegatedConsent = true;
    }
  });

  it('plans a conversation: the jobs write the event and the agenda to Graph with app tokens', async () => {
    const token = await sandbox.entra.userToken('mette.lund@sohavn.example', audience);
    const planned = await call(token, '/conversations', { method: 'POST', body: JSON.stringify(planBody()) });
    expect(planned.status).toBe(201);
    const { id } = await planned.json();
    await app.runner.drain();
    await waitFor(async () => sandbox.state.events.some((e) => e.transactionId === id));
    expect(sandbox.state.driveItems.some((i) => i.name === 'Dagsorden.docx')).toBe(true);
    // The Outlook add-in on the organiser's own event: read from her calendar On-Behalf-Of her (/me).
    const event = sandbox.state.events.find((e) => e.transactionId === id)!;
    const delegatedBefore = sandbox.stats.tokens.delegated;
    const found = await call(token, `/addin/meeting?eventId=${encodeURIComponent(event.id)}`);
    expect(await found.json()).toEqual({ id });
    expect(sandbox.stats.tokens.delegated).toBeGreaterThan(delegatedBefore);
  });

  it('is ready: database, Graph token and job runner answer /readyz', async () => {
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, mode: 'm365', checks: { database: 'ok', graphToken: 'ok', jobRunner: 'ok' } });
  });

  it('signs in to PostgreSQL with the managed identity’s Entra token as the password', async () => {
    const token = await postgresEntraToken(identity.clientId)();
    expect(await sandbox.entra.verify(token, 'https://ossrdbms-aad.database.windows.net')).toMatchObject({ oid: identity.principalId });
    if (process.env.DATABASE_URL) {
      // A pool with a password provider connects (the machine's server trusts local connections, so it does not ask).
      const database = await openPostgresDatabase(process.env.DATABASE_URL, undefined, async () => token);
      expect(await database.query('select 1 as one')).toEqual([{ one: 1 }]);
      await database.close();
    }
  });

  it('gets an app-only token with a certificate as the credential', async () => {
    const client = createConfidentialClient({
      tenantId,
      clientId,
      authorityHost: `${base}/sandbox/entra`,
      credential: { kind: 'certificate', path: certificatePath },
    });
    const result = await client.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(await sandbox.entra.verify(result!.accessToken, 'https://graph.microsoft.com')).toMatchObject({
      roles: expect.arrayContaining(['Sites.Selected']),
    });
    const wrongSecret = createConfidentialClient({
      tenantId,
      clientId,
      authorityHost: `${base}/sandbox/entra`,
      credential: { kind: 'secret', secret: 'guess' },
    });
    await expect(wrongSecret.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).rejects.toThrow(
      /7000215|invalid_client/,
    );
  });
});
