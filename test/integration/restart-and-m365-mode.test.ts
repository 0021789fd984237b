import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startApp } from '../../src/compose.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { planBody } from '../support/test-app.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('local mode keeps its data in a folder', () => {
  it('still has the conversation, the event and the agenda after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'udviklingssamtale-'));
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      TEMPLATES_DIR: `${root}templates`,
      ORGANISATION_FILE: `${root}config/organisation.local.json`,
    });
    try {
      const first = await startApp(config, { jobs: { pollIntervalMs: 25 } });
      const { token } = await (
        await fetch(`${first.url}/api/dev/sign-in`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ upn: 'mette.lund@sohavn.example' }),
        })
      ).json();
      const planned = await fetch(`${first.url}/api/conversations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(planBody()),
      });
      const { id } = await planned.json();
      await first.runner.drain();
      await first.close();

      // The same address as before (a real local start always has port 3978): the sign-in's issuer is the sandbox's address.
      const second = await startApp({ ...config, port: Number(new URL(first.url).port) }, { startJobs: false });
      // The first sign-in still holds after the restart (the local tenant's key is kept in DATA_DIR), whatever the scheme's case.
      const still = await fetch(`${second.url}/api/me`, { headers: { Authorization: `bearer ${token}` } });
      expect(still.status).toBe(200);
      const { token: again } = await (
        await fetch(`${second.url}/api/dev/sign-in`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ upn: 'mette.lund@sohavn.example' }),
        })
      ).json();
      const conversation = await (
        await fetch(`${second.url}/api/conversations/${id}`, { headers: { Authorization: `Bearer ${again}` } })
      ).json();
      expect(conversation.status).toBe('invited');
      expect(second.sandbox!.state.events.filter((e) => e.transactionId === id)).toHaveLength(1);
      const agenda = second.sandbox!.state.driveItems.find((i) => i.name === 'Dagsorden.docx')!;
      expect(second.sandbox!.state.readBlob(agenda.blob!).subarray(0, 2).toString()).toBe('PK');
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

const unsignedToken = () =>
  ['eyJhbGciOiJub25lIn0', Buffer.from(JSON.stringify({ aud: 'x', iss: 'https://api.botframework.com' })).toString('base64url'), ''].join(
    '.',
  );

describe('Microsoft 365 mode', () => {
  it('has no dev sign-in and refuses every API call without a valid Entra ID token', async () => {
    const db = await openPgliteDatabase();
    const config = loadConfig({
      PORT: '0',
      AZURE_TENANT_ID: '8f6c1b52-0d3e-4a7b-9c21-5e4d3c2b1a00',
      AZURE_CLIENT_ID: '1d2c3b4a-5e6f-4071-8293-a4b5c6d7e8f9',
      AZURE_CLIENT_SECRET: 'not-used-in-this-test',
      SHAREPOINT_DRIVE_ID: 'b!drive',
      TEAMS_APP_CATALOG_ID: 'f1a2b3c4-0000-4000-8000-000000000001',
      DATABASE_URL: 'postgres://unused',
      PUBLIC_URL: 'https://udviklingssamtale.example.dk',
      ORGANISATION_FILE: `${root}config/organisation.local.json`,
      TEMPLATES_DIR: `${root}templates`,
    });
    const app = await startApp(config, { db, startJobs: false });
    try {
      const base = `http://localhost:${(app.server.address() as { port: number }).port}`;
      expect(app.sandbox).toBeNull();
      expect((await fetch(`${base}/sandbox/`)).status).toBe(404);
      expect((await fetch(`${base}/api/dev/users`)).status).toBe(401);
      expect(
        (
          await fetch(`${base}/api/dev/sign-in`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{"upn":"mette.lund@sohavn.example"}',
          })
        ).status,
      ).toBe(401);
      // The bot endpoint takes only Bot Service tokens (the Agents SDK's JWT check); an unsigned activity is refused.
      const activity = {
        type: 'message',
        text: 'hjælp',
        channelId: 'msteams',
        conversation: { id: 'a:1' },
        from: { id: '29:x', aadObjectId: 'x' },
      };
      expect(
        (
          await fetch(`${base}/api/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(activity),
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await fetch(`${base}/api/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${unsignedToken()}` },
            body: JSON.stringify(activity),
          })
        ).status,
      ).toBe(401);
      for (const path of ['/api/me', '/api/catalog', '/api/conversations']) {
        expect((await fetch(`${base}${path}`)).status).toBe(401);
      }
      const unsigned = [
        'eyJhbGciOiJub25lIn0',
        Buffer.from(JSON.stringify({ preferred_username: 'mette.lund@sohavn.example' })).toString('base64url'),
        '',
      ].join('.');
      expect((await fetch(`${base}/api/conversations`, { headers: { Authorization: `Bearer ${unsigned}` } })).status).toBe(401);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
