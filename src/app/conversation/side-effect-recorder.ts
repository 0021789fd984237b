import type { Queryable } from '../../store/database.js';
import { sideEffectsRepository, type SideEffectKind } from '../../store/side-effects-repository.js';
import type { RemoteError } from '../ports/remote-error.js';
import type { JobAttempt } from '../../jobs/job-kind.js';

/** One kind, or several with the same outcome in one statement. */
export type SideEffectReport = (kind: SideEffectKind | readonly SideEffectKind[], error: RemoteError | null) => Promise<void>;

/**
 * How a job reports each piece of Microsoft 365 work: done, retrying (the job
 * will run again) or failed (its last attempt) — for the conversation version
 * the job worked from.
 */
export function sideEffectRecorder(db: Queryable, conversationId: string, attempt: JobAttempt, syncedVersion: number): SideEffectReport {
  return (kind, error) =>
    sideEffectsRepository.record(
      db,
      conversationId,
      kind,
      error ? (attempt.isLast ? 'failed' : 'retrying') : 'done',
      error?.code ?? null,
      syncedVersion,
    );
}
