import type { z } from 'zod';
import type { Queryable } from '../store/database.js';
import { enqueueJob, type JobRow } from './job-queue.js';
import type { JobHandler } from './job-runner.js';

/** Where a job is in its life when it runs: the handler reports failures differently on its last attempt. */
export interface JobAttempt {
  attempt: number;
  isLast: boolean;
}

/** One kind of background work: its name, its payload's schema and how it is keyed and grouped. */
export interface JobKind<P> {
  kind: string;
  payload: z.ZodType<P>;
  /** Queues the job in the caller's transaction (outbox). */
  enqueue(tx: Queryable, payload: P): Promise<void>;
}

export function defineJobKind<P>(spec: {
  kind: string;
  payload: z.ZodType<P>;
  /** Enqueueing the same key again is a no-op while the first waits. */
  key: (payload: P) => string;
  /** Jobs of one group never run at the same time (one conversation, one person's chat). */
  group: (payload: P) => string;
  maxAttempts?: number;
}): JobKind<P> {
  return {
    kind: spec.kind,
    payload: spec.payload,
    enqueue: (tx, payload) =>
      enqueueJob(tx, {
        kind: spec.kind,
        key: spec.key(payload),
        groupKey: spec.group(payload),
        payload,
        ...(spec.maxAttempts ? { maxAttempts: spec.maxAttempts } : {}),
      }),
  };
}

/** A worker for a job kind: the payload is parsed once, here, before the handler sees it. */
export function handle<P>(kind: JobKind<P>, run: (payload: P, attempt: JobAttempt) => Promise<void>): [string, JobHandler] {
  return [
    kind.kind,
    (job: JobRow) => run(kind.payload.parse(job.payload), { attempt: job.attempts, isLast: job.attempts >= job.maxAttempts }),
  ];
}
