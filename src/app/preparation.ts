import type { Conversation } from '../domain/conversation.js';
import { conversationPolicy, type Actor } from '../policies/conversation-policy.js';
import { conversationRepository } from '../store/conversation-repository.js';
import { preparationAnswersRepository } from '../store/preparation-answers-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { AppError } from './app-error.js';
import type { AppContext } from './app-context.js';

export interface PreparationQuestionRef {
  id: string;
  itemTitle: string;
  text: string;
}

/**
 * A participant's preparation questions: those of the items their role is
 * responsible for, or all of them when their role leads none (a board member,
 * say, prepares for the whole meeting).
 */
export function preparationQuestionsFor(conversation: Conversation, upn: string): PreparationQuestionRef[] {
  const role = conversation.participants.find((p) => p.upn.toLowerCase() === upn.toLowerCase())?.role;
  const all = conversation.template.items.flatMap((item) =>
    item.preparationQuestions.map((text, index) => ({
      id: `${item.key}:${index}`,
      itemTitle: item.title,
      text,
      roles: item.responsibleRoles,
    })),
  );
  const own = role ? all.filter((q) => q.roles.includes(role)) : [];
  return (own.length > 0 ? own : all).map(({ id, itemTitle, text }) => ({ id, itemTitle, text }));
}

export async function submitPreparation(ctx: AppContext, upn: string, conversationId: string, answers: Record<string, string>) {
  await ctx.db.transaction(async (tx) => {
    const stored = await conversationRepository.get(tx, conversationId);
    if (!stored || !conversationPolicy.isParticipant({ upn }, stored.conversation)) throw new AppError('FORBIDDEN');
    if (['cancelled', 'published', 'minutesApproved'].includes(stored.conversation.status)) throw new AppError('FORBIDDEN');
    const allowed = new Set(preparationQuestionsFor(stored.conversation, upn).map((q) => q.id));
    const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => allowed.has(id)));
    await preparationAnswersRepository.save(tx, conversationId, upn, kept);
  });
}

/** Everyone's preparation answers, for the conversation's participants (not the municipality at large). */
export async function viewPreparation(ctx: AppContext, actor: Actor, conversationId: string) {
  const { conversation } = await loadReadableConversation(ctx.db, actor, conversationId);
  if (!conversationPolicy.isParticipant(actor, conversation)) return [];
  const names = new Map(conversation.participants.map((p) => [p.upn.toLowerCase(), p.displayName]));
  const questions = new Map<string, { itemTitle: string; text: string }>(
    conversation.template.items.flatMap((item) =>
      item.preparationQuestions.map((text, i): [string, { itemTitle: string; text: string }] => [
        `${item.key}:${i}`,
        { itemTitle: item.title, text },
      ]),
    ),
  );
  const rows = await preparationAnswersRepository.forConversation(ctx.db, conversationId);
  return rows.map((row) => ({
    upn: row.upn,
    displayName: names.get(row.upn) ?? row.upn,
    updatedAt: row.updatedAt,
    answers: Object.entries(row.answers)
      .filter(([id]) => questions.has(id))
      .map(([id, text]) => ({ questionId: id, ...questions.get(id)!, answer: text })),
  }));
}
