import { traced } from '../telemetry/tracing.js';
import type { Database } from '../store/database.js';
import { backoffMs, claimJob, completeJob, defaultLeaseSeconds, failJob, renewLease, type JobRow } from './job-queue.js';

export type JobHandler = (job: JobRow) => Promise<void>;

/** An error that says when the far side wants us back (Graph's Retry-After). */
export interface RetryHint {
  retryAfterMs?: number;
}

export interface JobRunnerOptions {
  /** The most jobs run at once; the runner starts lower and finds its pace (below). */
  concurrency: number;
  /** The fewest jobs run at once, however much Microsoft 365 throttles. */
  minConcurrency?: number;
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
  /**
   * How many jobs may run now: additive increase, multiplicative decrease.
   * Every run that ends well earns a little more room; a run Microsoft 365
   * sent back (429/503, Retry-After) halves it. So a backlog is worked off as
   * fast as Graph and Teams allow, and a throttled tenant is not pressed harder.
   */
  private allowed: number;
  private runningNow = 0;
  private successes = 0;
  /** When Microsoft 365 last pushed back: for a minute after, the room grows one slot per round. */
  private lastThrottledAt = 0;

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
  ) {
    // Half the ceiling to begin with: a season's fifty plans go out in two rounds rather than five (from 4),
    // and a tenant that throttles at once halves it within the first round.
    this.allowed = Math.min(options.concurrency, Math.max(this.minimum, 4, Math.ceil(options.concurrency / 2)));
  }

  private get minimum(): number {
    return Math.max(1, Math.min(this.options.minConcurrency ?? 2, this.options.concurrency));
  }

  /** Jobs allowed to run at once right now (for the bench and the readiness probe). */
  get currentConcurrency(): number {
    return this.allowed;
  }

  private finished(outcome: 'done' | 'throttled' | 'failed'): void {
    if (outcome === 'throttled') {
      this.allowed = Math.max(this.minimum, Math.floor(this.allowed / 2));
      this.successes = 0;
      this.lastThrottledAt = Date.now();
      return;
    }
    if (outcome !== 'done') return;
    // Until Microsoft 365 has pushed back lately, every success opens one more slot (the room doubles with
    // each round of jobs); after a push-back, one more slot per round.
    const cautious = Date.now() - this.lastThrottledAt < 60_000;
    if (!cautious || ++this.successes >= this.allowed) {
      this.allowed = Math.min(this.options.concurrency, this.allowed + 1);
      this.successes = 0;
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (let i = 0; i < this.options.concurrency; i++) this.workers.push(this.work());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeAll();
    await Promise.all(this.workers.splice(0));
  }

  /**
   * New work is waiting: wakes one sleeping worker (a plan queues one job; waking
   * every idle worker would send them all to the database for one row).
   */
  wake(workers = 1): void {
    for (const resolve of this.wakeUp.splice(0, workers)) resolve();
  }

  private wakeAll(): void {
    this.wake(this.wakeUp.length);
  }

  /** Runs ready jobs until none is left; for tests and scripts that want a quiet queue. */
  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [row] = await this.db.query<{ open: number }>(`select count(*)::int as open from jobs where status in ('queued', 'running')`);
      if (!row || row.open === 0) return;
      this.wakeAll();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('JobRunner.drain timed out');
  }

  private async work(): Promise<void> {
    while (this.running) {
      // Over the current allowance: this worker waits for room rather than claiming.
      if (this.runningNow >= this.allowed) {
        await this.sleep(this.options.pollIntervalMs);
        continue;
      }
      this.runningNow++;
      let claimed = false;
      try {
        const job = await claimJob(this.db, this.leaseSeconds).catch(() => null);
        claimed = job !== null;
        if (job) await this.runOne(job);
      } finally {
        this.runningNow--;
      }
      if (!claimed) await this.sleep(this.options.pollIntervalMs);
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
          this.finished('done');
          return (await completeJob(this.db, job)) ? 'done' : 'takenOver';
        } catch (error) {
          const hint = (error as RetryHint).retryAfterMs ?? 0;
          const { status, code } = error as { status?: number; code?: string };
          // Throttling is Microsoft 365 saying "slower"; a job waiting its turn (the welcome card first) is not.
          this.finished(code !== 'WaitingForWelcome' && (status === 429 || status === 503 || hint > 0) ? 'throttled' : 'failed');
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
