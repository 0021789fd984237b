import { traced } from '../telemetry/tracing.js';
import type { Database } from '../store/database.js';
import { backoffMs, claimJob, completeJob, defaultLeaseSeconds, failJob, renewLease, type JobRow } from './job-queue.js';

export type JobHandler = (job: JobRow) => Promise<void>;

/** An error that says when the far side wants us back (Graph's Retry-After). */
export interface RetryHint {
  retryAfterMs?: number;
}

export interface JobRunnerOptions {
  concurrency: number;
  pollIntervalMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  onJobFailed?: (job: JobRow, error: unknown, willRetry: boolean) => Promise<void>;
  /** How long a claim lasts without a heartbeat; the heartbeat renews it three times per lease. */
  leaseSeconds?: number;
}

/**
 * Polls the jobs table with a few workers. `wake()` lets the process that just
 * enqueued work skip the poll delay, so a plan's side effects start at once.
 */
export class JobRunner {
  private running = false;

  /** Whether the workers are polling (the readiness probe asks). */
  get isRunning(): boolean {
    return this.running;
  }
  private readonly workers: Promise<void>[] = [];
  private wakeUp: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly handlers: Record<string, JobHandler>,
    private readonly options: JobRunnerOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    for (let i = 0; i < this.options.concurrency; i++) this.workers.push(this.work());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.workers.splice(0));
  }

  wake(): void {
    for (const resolve of this.wakeUp.splice(0)) resolve();
  }

  /** Runs ready jobs until none is left; for tests and scripts that want a quiet queue. */
  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [row] = await this.db.query<{ open: number }>(`select count(*)::int as open from jobs where status in ('queued', 'running')`);
      if (!row || row.open === 0) return;
      this.wake();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('JobRunner.drain timed out');
  }

  private async work(): Promise<void> {
    while (this.running) {
      const job = await claimJob(this.db, this.leaseSeconds).catch(() => null);
      if (!job) {
        await this.sleep(this.options.pollIntervalMs);
        continue;
      }
      await this.runOne(job);
    }
  }

  private get leaseSeconds(): number {
    return this.options.leaseSeconds ?? defaultLeaseSeconds;
  }

  private async runOne(job: JobRow): Promise<void> {
    const handler = this.handlers[job.kind];
    // The heartbeat keeps the lease while the job runs, however long Graph makes it wait.
    const heartbeat = setInterval(
      () => void renewLease(this.db, job, this.leaseSeconds).catch(() => undefined),
      (this.leaseSeconds * 1000) / 3,
    );
    try {
      await this.attempt(job, handler);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async attempt(job: JobRow, handler: JobHandler | undefined): Promise<void> {
    // One span per attempt, with its outcome: done, retrying or dead.
    await traced(
      `job ${job.kind}`,
      { 'job.kind': job.kind, 'job.attempt': job.attempts },
      async () => {
        try {
          if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
          await handler(job);
          return (await completeJob(this.db, job)) ? 'done' : 'takenOver';
        } catch (error) {
          const hint = (error as RetryHint).retryAfterMs ?? 0;
          const delay = backoffMs(job.attempts, this.options.backoffBaseMs, this.options.backoffCapMs, hint);
          const willRetry = await failJob(this.db, job, describe(error), delay);
          await this.options.onJobFailed?.(job, error, willRetry);
          return willRetry ? 'retrying' : 'dead';
        }
      },
      (outcome) => ({ 'job.outcome': outcome }),
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
