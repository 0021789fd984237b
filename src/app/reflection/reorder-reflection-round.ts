import { reorderRound } from '../../domain/reflection-round.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { announceMeetingChange } from '../../store/meeting-runs-repository.js';
import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import { AppError } from '../../domain/errors.js';
import { loadForFacilitator, loadRound } from './facilitation.js';
import type { AppContext } from '../app-context.js';

/** The facilitator changes the speaking order after the reveal. */
export async function reorderReflectionRound(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  roundId: string,
  order: string[],
  version: number,
) {
  await ctx.db.transaction(async (tx) => {
    await loadForFacilitator(tx, actor, conversationId);
    const stored = await loadRound(tx, conversationId, roundId);
    if (stored.version !== version) throw new AppError('VERSION_CONFLICT');
    await reflectionRoundsRepository.update(tx, reorderRound(stored.round, order), version);
    // The side panel and the stage show who has answered and, once revealed, the answers.
    await announceMeetingChange(tx, conversationId);
  });
}
