import { afterAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/jobs/job-queue.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { RemoteError } from '../../src/app/ports/remote-error.js';
import { databaseKind, openTestDatabase } from '../support/test-database.js';
import { lead, planBody, startTestApp, type TestApp } from '../support/test-app.js';

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((a) => a.stop())));

describe(`back-pressure (${databaseKind()})`, () => {
  it('turns a plan away with 503, Retry-After and a Danish message once the backlog is full, and stores nothing', async () => {
    const app = await startTestApp({ startJobs: false, planBacklogLimit: 2 });
    apps.push(app);
    const asLead = await app.as(lead);
    const count = async () => (await app.db.query<{ n: number }>('select count(*)::int as n from conversations'))[0]!.n;
    for (const day of ['10', '11']) {
      const planned = await asLead(
        'POST',
        '/conversations',
        planBody({ startsAt: `2027-03-${day}T08:00:00Z`, endsAt: `2027-03-${day}T10:00:00Z` }),
      );
      expect(planned.status).toBe(201);
    }
    await new Promise((resolve) => setTimeout(resolve, 600)); // the backlog is counted at most twice a second
    const response = await fetch(`${app.url}/api/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await tokenOf(app)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(planBody({ startsAt: '2027-03-12T08:00:00Z', endsAt: '2027-03-12T10:00:00Z' })),
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(2);
    expect(await response.json()).toMatchObject({ code: 'BUSY', message: expect.stringContaining('Prøv igen') });
    expect(await count()).toBe(2);

    // Once the runner has worked the backlog off, the same plan goes through.
    app.runner.start();
    await app.runner.drain(30_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const again = await asLead('POST', '/conversations', planBody({ startsAt: '2027-03-12T08:00:00Z', endsAt: '2027-03-12T10:00:00Z' }));
    expect(again.status).toBe(201);
  });

  it('runs more jobs at once while Microsoft 365 answers, and half as many after it throttles', async () => {
    const db = await openTestDatabase();
    let running = 0;
    let peak = 0;
    let throttledYet = false;
    const afterThrottle: number[] = [];
    const seen = new Set<string>();
    const handlers = {
      quick: async () => {
        peak = Math.max(peak, ++running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running--;
      },
      // Graph's 429 with Retry-After on the first attempt of each; the retry goes through.
      throttled: async (job: { key: string }) => {
        if (!seen.has(job.key)) {
          seen.add(job.key);
          throttledYet = true;
          throw new RemoteError(429, 'TooManyRequests', 'throttled', 50);
        }
        afterThrottle.push(runner.currentConcurrency);
      },
    };
    const runner = new JobRunner(db, handlers, { concurrency: 16, pollIntervalMs: 20, backoffBaseMs: 20, backoffCapMs: 100 });
    expect(runner.currentConcurrency).toBe(8); // half the ceiling to begin with
    for (let i = 0; i < 80; i++) await enqueueJob(db, { kind: 'quick', key: `quick:${i}`, groupKey: `quick:${i}`, payload: {} });
    runner.start();
    await runner.drain(30_000);
    expect(peak).toBeGreaterThan(8); // it found more room
    expect(peak).toBeLessThanOrEqual(16);
    const before = runner.currentConcurrency;
    expect(before).toBe(16);

    for (let i = 0; i < 6; i++) await enqueueJob(db, { kind: 'throttled', key: `t:${i}`, groupKey: `t:${i}`, payload: {} });
    runner.wake(6);
    await runner.drain(30_000);
    await runner.stop();
    expect(throttledYet).toBe(true);
    expect(Math.min(...afterThrottle)).toBeLessThanOrEqual(before / 2);
    expect(runner.currentConcurrency).toBeGreaterThanOrEqual(2); // never below the floor
    await db.drop();
  });
});

async function tokenOf(app: TestApp): Promise<string> {
  const response = await fetch(`${app.url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn: lead }),
  });
  return ((await response.json()) as { token: string }).token;
}
