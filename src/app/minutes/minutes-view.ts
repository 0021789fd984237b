import { checkApproval, type ApprovalCheck } from '../../domain/minutes.js';
import { evaluationDraft, summarizeEvaluations } from '../../domain/evaluation.js';
import type { Actor } from '../../policies/conversation-policy.js';
import type { StoredConversation } from '../../store/conversation-repository.js';
import type { GuardContext } from '../../domain/publication-guard/publication-guard.js';
import { minutesRepository, type StoredMinutes } from '../../store/minutes-repository.js';
import { evaluationsRepository } from '../../store/evaluations-repository.js';
import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import { reflectionMinutesDraft } from '../../domain/reflection-round.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import { meetingRunsRepository } from '../../store/meeting-runs-repository.js';
import { timeUse, timeUseDraft, type ItemTimeUse } from '../../domain/time-use.js';
import type { AppContext } from '../app-context.js';

export interface MinutesView {
  stored: StoredConversation;
  minutes: StoredMinutes;
  approval: ApprovalCheck;
  /** The bot's evaluation answers as a draft for the evaluation item, when there are any. */
  evaluationDraft: string | null;
  /** Revealed reflection rounds' answers, as drafts under their items. */
  reflectionDrafts: { itemKey: string; text: string }[];
  /** The meeting has not begun: the minutes open at its start. */
  beforeMeeting: boolean;
  now: Date;
  /** The public note's stable address once published. */
  publicNoteUrl: string | null;
  /** The institutions the guard knows are not people. */
  guardInstitutions: string[];
  /** What each item took in the meeting, when the live agenda was run. */
  timeUse: ItemTimeUse[];
}

/** What the guard knows besides the text: the participants' names, the municipality's schools, the Danish dictionary. */
export const guardContextFor = (ctx: AppContext, stored: StoredConversation): GuardContext => ({
  people: stored.conversation.participants.map((p) => ({ displayName: p.displayName })),
  institutions: [ctx.organisation.municipality, ...ctx.organisation.schools.map((s) => s.name)],
  lexicon: ctx.lexicon(),
});

async function reflectionDrafts(ctx: AppContext, stored: StoredConversation): Promise<MinutesView['reflectionDrafts']> {
  const names = new Map(stored.conversation.participants.map((p) => [p.upn.toLowerCase(), p.displayName]));
  const drafts: MinutesView['reflectionDrafts'] = [];
  for (const { round } of await reflectionRoundsRepository.forConversation(ctx.db, stored.conversation.id)) {
    if (!round.revealedAt) continue;
    const answers = await reflectionRoundsRepository.answers(ctx.db, round.id);
    const text = reflectionMinutesDraft(round, answers, (upn) => names.get(upn.toLowerCase()) ?? upn);
    if (text) drafts.push({ itemKey: round.itemKey, text });
  }
  return drafts;
}

/** The minutes with the guard's findings on the public note, for everyone who may read the conversation. */
export async function viewMinutes(ctx: AppContext, actor: Actor, id: string): Promise<MinutesView> {
  const stored = await loadReadableConversation(ctx.db, actor, id);
  const minutes = await minutesRepository.get(ctx.db, id);
  const evaluations = await evaluationsRepository.forConversation(ctx.db, id);
  const guard = guardContextFor(ctx, stored);
  const run = await meetingRunsRepository.get(ctx.db, id);
  const items = stored.conversation.template.items;
  const uses = timeUse(run?.run ?? null, items, ctx.now());
  const drafts = [evaluationDraft(summarizeEvaluations(evaluations)), timeUseDraft(uses, items)].filter(Boolean);
  return {
    stored,
    minutes,
    approval: checkApproval(minutes.content, guard),
    // The participants' evaluation and how the meeting kept time, as one draft for the evaluation item.
    evaluationDraft: drafts.length > 0 ? drafts.join('\n\n') : null,
    timeUse: uses,
    reflectionDrafts: await reflectionDrafts(ctx, stored),
    beforeMeeting: ctx.now().getTime() < stored.conversation.startsAt.getTime(),
    now: ctx.now(),
    publicNoteUrl: minutes.publicId ? ctx.links.publicNoteUrl(minutes.publicId) : null,
    guardInstitutions: [...(guard.institutions ?? [])],
  };
}
