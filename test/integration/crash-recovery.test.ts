import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { databaseKind } from '../support/test-database.js';
import { SandboxState } from '../../src/sandbox/sandbox-state.js';

/**
 * kill -9 in the middle of a burst of plans: the server process dies with
 * jobs running (their leases held), a new process starts on the same data,
 * and every plan is done within seconds — each Outlook event and agenda once.
 * The server runs as a real process, started as `npm run dev` would start it.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const lead = 'mette.lund@sohavn.example';
const plans = 24;
const dataDir = mkdtempSync(join(tmpdir(), 'udviklingssamtale-crash-'));
let databaseUrl: string | undefined;
const adminUrl = process.env.DATABASE_URL;
const database = `crash_${process.pid}_${Date.now()}`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      JOB_CONCURRENCY: '4',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('kører') && resolve(server));
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.slice(-2000)}`)));
  });
}

const stopped = (server: ChildProcess) =>
  new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (adminUrl && databaseUrl) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${database} with (force)`);
    await client.end();
  }
});

describe(`kill -9 during a burst of plans (${databaseKind()})`, () => {
  it('resumes every running job within seconds on restart, each side effect once', async () => {
    if (adminUrl) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`create database ${database}`);
      await client.end();
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      databaseUrl = url.toString();
    }
    const port = await freePort();
    const url = `http://localhost:${port}`;
    let server = await startServer(port);
    const signIn = async () =>
      (
        (await (
          await fetch(`${url}/api/dev/sign-in`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ upn: lead }),
          })
        ).json()) as { token: string }
      ).token;
    const auth = { Authorization: `Bearer ${await signIn()}`, 'Content-Type': 'application/json' };
    // Graph answers slowly, so the burst's jobs are in the middle of their calls when the process dies.
    await fetch(`${url}/sandbox/_control/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ latencyMs: 800 }),
    });
    // The burst: all plans at once, as a municipality planning its season would send them.
    const ids = await Promise.all(
      Array.from({ length: plans }, async (_, i) => {
        const day = String(1 + i).padStart(2, '0');
        const response = await fetch(`${url}/api/conversations`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            schoolId: ['bakkeskolen', 'fjordskolen', 'skovbrynet'][i % 3],
            templateId: 'aarhus-2025',
            startsAt: `2027-05-${day}T07:00:00Z`,
            endsAt: `2027-05-${day}T09:00:00Z`,
            theme: 'Deltagelsesmuligheder for alle børn',
            extraTopics: [],
          }),
        });
        expect(response.status).toBe(201);
        return ((await response.json()) as { id: string }).id;
      }),
    );
    const doneCount = async () => {
      let done = 0;
      for (const id of ids) {
        const c = (await (await fetch(`${url}/api/conversations/${id}`, { headers: auth })).json()) as {
          sideEffects: { status: string }[];
        };
        if (c.sideEffects.length > 0 && c.sideEffects.every((s) => s.status === 'done')) done++;
      }
      return done;
    };
    await new Promise((r) => setTimeout(r, 300));
    server.kill('SIGKILL');
    await stopped(server);

    server = await startServer(port);
    const restarted = Date.now();
    try {
      const pending = plans - (await doneCount());
      expect(pending, 'the kill left work unfinished').toBeGreaterThan(0);
      let recoveredMs = 0;
      while ((await doneCount()) < plans) {
        recoveredMs = Date.now() - restarted;
        if (recoveredMs > 60_000) throw new Error('jobs did not resume within a minute');
        await new Promise((r) => setTimeout(r, 200));
      }
      recoveredMs = Date.now() - restarted;
      console.log(`kill -9 with ${pending} of ${plans} plans unfinished: all done ${(recoveredMs / 1000).toFixed(1)} s after restart`);
      expect(recoveredMs).toBeLessThan(10_000);
    } finally {
      server.kill('SIGTERM');
      await stopped(server);
    }
    // The sandbox's tenant as the process left it: no meeting and no agenda twice.
    const tenant = new SandboxState(join(dataDir, 'sandbox'));
    for (const id of ids) {
      expect(tenant.events.filter((e) => e.transactionId === id && e.isOrganizer).length, id).toBeLessThanOrEqual(1);
    }
    const agendaFolders = tenant.driveItems.filter((i) => i.name === 'Dagsorden.docx').map((i) => i.parentId);
    expect(new Set(agendaFolders).size).toBe(agendaFolders.length);
  }, 180_000);
});
