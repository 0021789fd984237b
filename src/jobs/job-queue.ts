import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/database.js';

export interface JobRow {
  id: number;
  kind: string;
  key: string;
  groupKey: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  /** This claim's fencing token: only its holder may extend the lease or record the outcome. */
  leaseToken: string;
}

export interface EnqueueOptions {
  kind: string;
  /**
   * Enqueueing the same key twice is a no-op while the first is still
   * waiting; while it is running, it runs once more when it has finished.
   */
  key: string;
  groupKey: string;
  payload: unknown;
  maxAttempts?: number;
}

/**
 * A short lease, renewed by the runner's heartbeat while the job runs: a slow
 * job (Graph asking to wait minutes) is never claimed twice, and a crashed
 * instance's jobs are claimed again within seconds.
 */
export const defaultLeaseSeconds = 6;

/** Durable jobs in the conversation database: enqueue inside the use case's transaction (outbox). */
export async function enqueueJob(tx: Queryable, job: EnqueueOptions): Promise<void> {
  await tx.query(
    `insert into jobs (kind, key, group_key, payload, max_attempts) values ($1, $2, $3, $4, $5)
     on conflict (key) do update set
         status = case when jobs.status in ('done', 'dead') then 'queued' else jobs.status end,
         attempts = case when jobs.status in ('done', 'dead') then 0 else jobs.attempts end,
         run_after = case when jobs.status in ('done', 'dead') then now() else jobs.run_after end,
         last_error = case when jobs.status in ('done', 'dead') then null else jobs.last_error end,
         rerun = jobs.status = 'running' or jobs.rerun,
         updated_at = now()
       where jobs.status <> 'queued'`,
    [job.kind, job.key, job.groupKey, JSON.stringify(job.payload), job.maxAttempts ?? 10],
  );
}

/**
 * Claims the next ready job. SKIP LOCKED lets several runners (and server
 * instances) poll without blocking each other; a job whose group has another
 * job running waits, so one conversation's side effects never race.
 */
export async function claimJob(db: Queryable, leaseSeconds = defaultLeaseSeconds): Promise<JobRow | null> {
  const token = randomUUID();
  const rows = await db.query<Record<string, unknown>>(
    `update jobs set status = 'running', attempts = attempts + 1, lease_token = $1,
        locked_until = now() + make_interval(secs => ${Number(leaseSeconds)}), updated_at = now()
     where id = (
       select j.id from jobs j
       where (j.status = 'queued' or (j.status = 'running' and j.locked_until < now()))
         and j.run_after <= now()
         and not exists (
           select 1 from jobs r where r.group_key = j.group_key and r.id <> j.id
             and r.status = 'running' and r.locked_until >= now())
       order by j.run_after, j.id
       for update skip locked
       limit 1)
     returning id, kind, key, group_key, payload, attempts, max_attempts`,
    [token],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    kind: String(row.kind),
    key: String(row.key),
    groupKey: String(row.group_key),
    payload: row.payload,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    leaseToken: token,
  };
}

/** Extends a running job's lease; false when another worker has taken the job over. */
export async function renewLease(
  db: Queryable,
  job: Pick<JobRow, 'id' | 'leaseToken'>,
  leaseSeconds = defaultLeaseSeconds,
): Promise<boolean> {
  const rows = await db.query(
    `update jobs set locked_until = now() + make_interval(secs => ${Number(leaseSeconds)})
     where id = $1 and lease_token = $2 and status = 'running' returning id`,
    [job.id, job.leaseToken],
  );
  return rows.length > 0;
}

/**
 * Done — unless it was asked for again while it ran: then it is queued for one
 * more run. Only the lease's holder records it (false: the job was taken over).
 */
export async function completeJob(db: Queryable, job: Pick<JobRow, 'id' | 'leaseToken'>): Promise<boolean> {
  const rows = await db.query(
    `update jobs set status = case when rerun then 'queued' else 'done' end, attempts = case when rerun then 0 else attempts end,
        rerun = false, run_after = now(), locked_until = null, last_error = null, lease_token = null, updated_at = now()
     where id = $1 and lease_token = $2 returning id`,
    [job.id, job.leaseToken],
  );
  return rows.length > 0;
}

/** Schedules a retry, or marks the job dead when it has used its attempts. Returns whether it will run again. */
export async function failJob(db: Queryable, job: JobRow, error: string, retryInMs: number): Promise<boolean> {
  const dead = job.attempts >= job.maxAttempts;
  await db.query(
    `update jobs set status = $2, locked_until = null, last_error = $3, lease_token = null,
        run_after = now() + make_interval(secs => $4::double precision), updated_at = now()
     where id = $1 and lease_token = $5`,
    [job.id, dead ? 'dead' : 'queued', error.slice(0, 2000), retryInMs / 1000, job.leaseToken],
  );
  return !dead;
}

/** Exponential backoff with full jitter, capped; a server's Retry-After wins when it asks for longer. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, retryAfterMs = 0, random = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(retryAfterMs, Math.round(exponential * (0.5 + random() * 0.5)));
}

/** How many jobs of a kind wait to run (admission control reads it). */
export async function queuedJobs(db: Queryable, kind: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from jobs where kind = $1 and status = 'queued'`, [kind]);
  return Number(row?.n ?? 0);
}
