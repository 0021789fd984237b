import { answersVisibleTo, type ReflectionRound } from '../../domain/reflection-round.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import { chatOutboxRepository } from '../../store/chat-outbox-repository.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import type { AppContext } from '../app-context.js';

export interface RoundView {
  round: ReflectionRound;
  version: number;
  itemTitle: string;
  questions: string[];
  /** Visible answers only: before the reveal, just the viewer's own. */
  answers: { upn: string; displayName: string; text: string; updatedAt: Date }[];
  answeredCount: number;
  /** Who has not answered yet (names only; never their text). */
  notAnswered: { upn: string; displayName: string }[];
  delivery: { sent: number; pending: number; failed: number };
}

/** Every round of the conversation, as the viewer may see it. */
export async function viewReflectionRounds(ctx: AppContext, actor: Actor, conversationId: string): Promise<RoundView[]> {
  const { conversation } = await loadReadableConversation(ctx.db, actor, conversationId);
  // Reflections are the participants' own: a municipal lead who is not in this conversation sees none.
  if (!conversationPolicy.isParticipant(actor, conversation)) return [];
  const names = new Map(conversation.participants.map((p) => [p.upn.toLowerCase(), p.displayName]));
  const nameOf = (upn: string) => names.get(upn.toLowerCase()) ?? upn;
  const rounds = await reflectionRoundsRepository.forConversation(ctx.db, conversationId);
  const delivery = await chatOutboxRepository.deliveryByRound(ctx.db, conversationId);
  const views: RoundView[] = [];
  for (const { round, version } of rounds) {
    const item = conversation.template.items.find((i) => i.key === round.itemKey);
    const answers = await reflectionRoundsRepository.answers(ctx.db, round.id);
    const answered = new Set(answers.map((a) => a.upn));
    views.push({
      round,
      version,
      itemTitle: item?.title ?? round.itemKey,
      questions: item?.reflectionQuestions ?? [],
      answers: answers
        .filter((a) => answersVisibleTo(round, actor.upn, a.upn))
        .map((a) => ({ upn: a.upn, displayName: nameOf(a.upn), text: a.text, updatedAt: a.updatedAt })),
      answeredCount: answers.length,
      notAnswered: round.invitedUpns.filter((u) => !answered.has(u.toLowerCase())).map((u) => ({ upn: u, displayName: nameOf(u) })),
      delivery: delivery.get(round.id) ?? { sent: 0, pending: 0, failed: 0 },
    });
  }
  return views;
}
