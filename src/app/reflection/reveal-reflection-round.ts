import { revealRound } from '../../domain/reflection-round.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { announceMeetingChange } from '../../store/meeting-runs-repository.js';
import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import { AppError } from '../../domain/errors.js';
import { loadForFacilitator, loadRound, queueCardUpdates } from './facilitation.js';
import type { AppContext } from '../app-context.js';

/** "Vis svar": everyone's answers become visible to the participants, in a shuffled speaking order (those who answered first). */
export async function revealReflectionRound(ctx: AppContext, actor: Actor, conversationId: string, roundId: string, version: number) {
  await ctx.db.transaction(async (tx) => {
    await loadForFacilitator(tx, actor, conversationId);
    const stored = await loadRound(tx, conversationId, roundId);
    if (stored.version !== version) throw new AppError('VERSION_CONFLICT');
    const answered = (await reflectionRoundsRepository.answers(tx, roundId)).filter((a) => a.text.trim()).map((a) => a.upn);
    await reflectionRoundsRepository.update(tx, revealRound(stored.round, ctx.now(), Math.random, answered), version);
    // The side panel and the stage show who has answered and, once revealed, the answers.
    await announceMeetingChange(tx, conversationId);
    await queueCardUpdates(tx, stored.round, 'revealed');
  });
  ctx.wakeJobs();
}
