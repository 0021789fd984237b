import { randomUUID } from 'node:crypto';
import {
  answersVisibleTo,
  assertCanAnswer,
  closeRound,
  reorderRound,
  revealRound,
  startRound,
  type ReflectionRound,
} from '../domain/reflection-round.js';
import { conversationPolicy, type Actor } from '../policies/conversation-policy.js';
import { reflectionRoundsRepository } from '../store/reflection-rounds-repository.js';
import { conversationRepository } from '../store/conversation-repository.js';
import { chatOutboxRepository } from '../store/chat-outbox-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { queueCardUpdate, queueChatMessage, reflectionPromptKey } from './chat-messages.js';
import { AppError } from './app-error.js';
import type { AppContext } from './app-context.js';
import type { Queryable } from '../store/database.js';

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

async function loadForFacilitator(tx: Queryable, actor: Actor, conversationId: string) {
  const stored = await loadReadableConversation(tx, actor, conversationId, true);
  if (!conversationPolicy.canFacilitate(actor, stored.conversation)) throw new AppError('FORBIDDEN');
  return stored.conversation;
}

async function loadRound(tx: Queryable, conversationId: string, roundId: string) {
  const stored = await reflectionRoundsRepository.get(tx, roundId, true);
  if (!stored || stored.round.conversationId !== conversationId) throw new AppError('ROUND_NOT_FOUND');
  return stored;
}

/** "Start refleksionsrunde": each present participant gets the item's questions as a card in chat. */
export async function startReflectionRound(ctx: AppContext, actor: Actor, conversationId: string, itemKey: string): Promise<string> {
  const id = await ctx.db.transaction(async (tx) => {
    const conversation = await loadForFacilitator(tx, actor, conversationId);
    const existing = (await reflectionRoundsRepository.forConversation(tx, conversationId)).map((s) => s.round);
    const round = startRound(conversation, { id: randomUUID(), itemKey, openedBy: actor.upn }, existing, ctx.now());
    await reflectionRoundsRepository.insert(tx, round);
    for (const upn of round.invitedUpns) {
      await queueChatMessage(tx, {
        key: reflectionPromptKey(round.id, upn),
        upn,
        kind: 'reflection',
        conversationId,
        payload: { roundId: round.id },
      });
    }
    return round.id;
  });
  ctx.wakeJobs();
  return id;
}

/** "Vis svar": everyone's answers become visible to the participants, in a shuffled speaking order. */
export async function revealReflectionRound(ctx: AppContext, actor: Actor, conversationId: string, roundId: string, version: number) {
  await ctx.db.transaction(async (tx) => {
    await loadForFacilitator(tx, actor, conversationId);
    const stored = await loadRound(tx, conversationId, roundId);
    if (stored.version !== version) throw new AppError('VERSION_CONFLICT');
    await reflectionRoundsRepository.update(tx, revealRound(stored.round, ctx.now(), Math.random), version);
    await queueCardUpdates(tx, stored.round, 'revealed');
  });
  ctx.wakeJobs();
}

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
  });
}

/** Closing ends editing; every card in chat is redrawn as closed. */
export async function closeReflectionRound(ctx: AppContext, actor: Actor, conversationId: string, roundId: string, version: number) {
  await ctx.db.transaction(async (tx) => {
    await loadForFacilitator(tx, actor, conversationId);
    const stored = await loadRound(tx, conversationId, roundId);
    if (stored.version !== version) throw new AppError('VERSION_CONFLICT');
    await reflectionRoundsRepository.update(tx, closeRound(stored.round, ctx.now()), version);
    await queueCardUpdates(tx, stored.round, 'closed');
  });
  ctx.wakeJobs();
}

async function queueCardUpdates(tx: Queryable, round: ReflectionRound, reason: string) {
  for (const upn of round.invitedUpns) {
    await queueCardUpdate(tx, reflectionPromptKey(round.id, upn), upn, round.conversationId, `${reason}`);
  }
}

/**
 * An answer from the chat card. The person is who Teams says sent it; they
 * must be invited to the round, the round not closed. Returns the round so the
 * bot can draw the card's next face.
 */
export async function answerReflection(ctx: AppContext, upn: string, roundId: string, text: string): Promise<ReflectionRound> {
  return ctx.db.transaction(async (tx) => {
    const stored = await reflectionRoundsRepository.get(tx, roundId, true);
    if (!stored) throw new AppError('ROUND_NOT_FOUND');
    const conversation = await conversationRepository.get(tx, stored.round.conversationId);
    if (!conversation || !conversationPolicy.isParticipant({ upn }, conversation.conversation)) throw new AppError('FORBIDDEN');
    assertCanAnswer(stored.round, upn);
    await reflectionRoundsRepository.saveAnswer(tx, roundId, upn, text);
    return stored.round;
  });
}

/** The round and the person's own answer, for drawing their card. */
export async function roundForParticipant(ctx: AppContext, upn: string, roundId: string) {
  const stored = await reflectionRoundsRepository.get(ctx.db, roundId);
  if (!stored) throw new AppError('ROUND_NOT_FOUND');
  const conversation = await conversationRepository.get(ctx.db, stored.round.conversationId);
  if (!conversation || !stored.round.invitedUpns.some((u) => u.toLowerCase() === upn.toLowerCase())) throw new AppError('FORBIDDEN');
  const item = conversation.conversation.template.items.find((i) => i.key === stored.round.itemKey);
  return { round: stored.round, item, answer: await reflectionRoundsRepository.answerOf(ctx.db, roundId, upn) };
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
