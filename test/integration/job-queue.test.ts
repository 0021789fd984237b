import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJob, completeJob, enqueueJob } from '../../src/jobs/job-queue.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { databaseKind, openTestDatabase } from '../support/test-database.js';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.drop());

const job = { kind: 'conversation.sync', key: 'sync:c1:4', groupKey: 'conversation:c1', payload: { n: 1 } };
const status = async () => (await db.query<{ status: string }>('select status from jobs where key = $1', [job.key]))[0]!.status;

describe(`the durable job queue (${databaseKind()})`, () => {
  it('runs a job asked for again while it was running once more, so the later request is not lost', async () => {
    await enqueueJob(db, job);
    await enqueueJob(db, job); // still waiting: nothing more to do
    const claimed = (await claimJob(db))!;
    expect(claimed.key).toBe(job.key);
    expect(await status()).toBe('running');
    await enqueueJob(db, job); // a second file arrives while the first run reads the state
    await completeJob(db, claimed);
    expect(await status()).toBe('queued');
    const again = (await claimJob(db))!;
    await completeJob(db, again);
    expect(await status()).toBe('done');
    expect(await claimJob(db)).toBeNull();
  });

  it('never claims a slow job twice: the heartbeat keeps its lease while two runners poll', async () => {
    await enqueueJob(db, { kind: 'slow', key: 'slow:1', groupKey: 'slow:1', payload: {} });
    let runs = 0;
    const handlers = {
      slow: async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 3500)); // three and a half leases
      },
    };
    const options = { concurrency: 2, pollIntervalMs: 50, backoffBaseMs: 50, backoffCapMs: 100, leaseSeconds: 1 };
    const first = new JobRunner(db, handlers, options);
    const second = new JobRunner(db, handlers, options);
    first.start();
    second.start();
    await first.drain(20_000);
    await Promise.all([first.stop(), second.stop()]);
    expect(runs).toBe(1);
    expect((await db.query<{ status: string }>("select status from jobs where key = 'slow:1'"))[0]!.status).toBe('done');
  });

  it('runs a crashed instance’s job again within seconds, and the crashed claim cannot record an outcome', async () => {
    await enqueueJob(db, { kind: 'work', key: 'work:1', groupKey: 'work:1', payload: {} });
    const crashed = (await claimJob(db, 1))!; // claimed by an instance that then died (kill -9): no heartbeat
    let ranAt = 0;
    const started = Date.now();
    const runner = new JobRunner(
      db,
      { work: async () => void (ranAt = Date.now()) },
      { concurrency: 1, pollIntervalMs: 50, backoffBaseMs: 50, backoffCapMs: 100, leaseSeconds: 1 },
    );
    runner.start();
    await runner.drain(20_000);
    await runner.stop();
    expect(ranAt - started).toBeLessThan(3000);
    expect(await completeJob(db, crashed)).toBe(false);
  });
});
