import type { Queryable } from '../store/database.js';
import type { JobRow } from './job-queue.js';
import { sideEffectsRepository, type SideEffectKind } from '../store/side-effects-repository.js';
import type { GraphError } from '../m365/graph-error.js';

/**
 * How a job reports each piece of Microsoft 365 work: done, retrying (the job
 * will run again) or failed (its last attempt) — for the conversation version
 * the job worked from.
 */
export function sideEffectRecorder(db: Queryable, conversationId: string, job: JobRow, syncedVersion: number) {
  const lastAttempt = job.attempts >= job.maxAttempts;
  return (kind: SideEffectKind, error: GraphError | null) =>
    sideEffectsRepository.record(
      db,
      conversationId,
      kind,
      error ? (lastAttempt ? 'failed' : 'retrying') : 'done',
      error?.code ?? null,
      syncedVersion,
    );
}
