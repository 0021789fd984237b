import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { preparationAnswersRepository } from '../../store/preparation-answers-repository.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import type { AppContext } from '../app-context.js';

/** Everyone's preparation answers, for the conversation's participants (not the municipality at large). */
export async function viewPreparation(ctx: AppContext, actor: Actor, conversationId: string) {
  const { conversation } = await loadReadableConversation(ctx.db, actor, conversationId);
  if (!conversationPolicy.isParticipant(actor, conversation)) return [];
  const names = new Map(conversation.participants.map((p) => [p.upn.toLowerCase(), p.displayName]));
  const questions = new Map<string, { itemTitle: string; text: string }>(
    conversation.template.items.flatMap((item) =>
      item.preparationQuestions.map((entry, i): [string, { itemTitle: string; text: string }] => [
        `${item.key}:${i}`,
        { itemTitle: item.title, text: entry.text },
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
