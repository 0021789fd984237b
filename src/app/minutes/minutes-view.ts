import { checkApproval, type ApprovalCheck } from '../../domain/minutes.js';
import { evaluationDraft, summarizeEvaluations } from '../../domain/evaluation.js';
import type { Actor } from '../../policies/conversation-policy.js';
import type { StoredConversation } from '../../store/conversation-repository.js';
import { minutesRepository, type StoredMinutes } from '../../store/minutes-repository.js';
import { evaluationsRepository } from '../../store/evaluations-repository.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import type { AppContext } from '../app-context.js';

export interface MinutesView {
  stored: StoredConversation;
  minutes: StoredMinutes;
  approval: ApprovalCheck;
  /** The bot's evaluation answers as a draft for the evaluation item, when there are any. */
  evaluationDraft: string | null;
  /** The public note's stable address once published. */
  publicNoteUrl: string | null;
}

/** The people the guard knows by name: the conversation's participants. */
export const peopleOf = (stored: StoredConversation) => stored.conversation.participants.map((p) => ({ displayName: p.displayName }));

/** The minutes with the guard's findings on the public note, for everyone who may read the conversation. */
export async function viewMinutes(ctx: AppContext, actor: Actor, id: string): Promise<MinutesView> {
  const stored = await loadReadableConversation(ctx.db, actor, id);
  const minutes = await minutesRepository.get(ctx.db, id);
  const evaluations = await evaluationsRepository.forConversation(ctx.db, id);
  return {
    stored,
    minutes,
    approval: checkApproval(minutes.content, peopleOf(stored)),
    evaluationDraft: evaluationDraft(summarizeEvaluations(evaluations)),
    publicNoteUrl: minutes.publicId ? ctx.links.publicNoteUrl(minutes.publicId) : null,
  };
}
