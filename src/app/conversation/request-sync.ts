import type { Queryable } from '../../store/database.js';
import { sideEffectsRepository, type SideEffectKind } from '../../store/side-effects-repository.js';
import { conversationSyncJob } from '../job-kinds.js';

/**
 * Asks for the conversation's Microsoft 365 side to be brought up to date
 * (event, folder, agenda, documents). The job reads the conversation as it is
 * when it runs, so enqueueing it twice is harmless; the version in the key
 * makes a newer change queue a fresh run even while an older one is running.
 */
export async function requestSync(tx: Queryable, conversationId: string, version: number, kinds: SideEffectKind[]): Promise<void> {
  await requestSideEffects(tx, conversationId, version, kinds);
  await conversationSyncJob.enqueue(tx, { conversationId, version });
}

/** Marks the side effects as pending (the tab shows them) when the caller queues the job itself (a season's plans). */
export async function requestSideEffects(tx: Queryable, conversationId: string, version: number, kinds: SideEffectKind[]): Promise<void> {
  await sideEffectsRepository.request(tx, conversationId, kinds, version);
}
