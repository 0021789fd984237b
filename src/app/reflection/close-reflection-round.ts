import { closeRound } from '../../domain/reflection-round.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { announceMeetingChange } from '../../store/meeting-runs-repository.js';
import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import { AppError } from '../../domain/errors.js';
import { loadForFacilitator, loadRound, queueCardUpdates } from './facilitation.js';
import type { AppContext } from '../app-context.js';

/** Closing ends editing; every card in chat is redrawn as closed. */
export async function closeReflectionRound(ctx: AppContext, actor: Actor, conversationId: string, roundId: string, version: number) {
  await ctx.db.transaction(async (tx) => {
    await loadForFacilitator(tx, actor, conversationId);
    const stored = await loadRound(tx, conversationId, roundId);
    if (stored.version !== version) throw new AppError('VERSION_CONFLICT');
    await reflectionRoundsRepository.update(tx, closeRound(stored.round, ctx.now()), version);
    // The side panel and the stage show who has answered and, once revealed, the answers.
    await announceMeetingChange(tx, conversationId);
    await queueCardUpdates(tx, stored.round, 'closed');
  });
  ctx.wakeJobs();
}
