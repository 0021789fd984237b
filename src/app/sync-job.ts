import type { Queryable } from '../store/database.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { sideEffectsRepository, type SideEffectKind } from '../store/side-effects-repository.js';

export const syncJobKind = 'conversation.sync';

/**
 * Asks for the conversation's Microsoft 365 side to be brought up to date
 * (event, folder, agenda, documents). The job reads the conversation as it is
 * when it runs, so enqueueing it twice is harmless; the version in the key
 * makes a newer change queue a fresh run even while an older one is running.
 */
export async function requestSync(tx: Queryable, conversationId: string, version: number, kinds: SideEffectKind[]): Promise<void> {
  for (const kind of kinds) await sideEffectsRepository.request(tx, conversationId, kind, version);
  await enqueueJob(tx, {
    kind: syncJobKind,
    key: `sync:${conversationId}:${version}`,
    groupKey: `conversation:${conversationId}`,
    payload: { conversationId },
  });
}
