import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJob, completeJob, enqueueJob } from '../../src/jobs/job-queue.js';
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
    await completeJob(db, claimed.id);
    expect(await status()).toBe('queued');
    const again = (await claimJob(db))!;
    await completeJob(db, again.id);
    expect(await status()).toBe('done');
    expect(await claimJob(db)).toBeNull();
  });
});
