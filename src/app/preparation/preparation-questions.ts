import type { Conversation } from '../../domain/conversation.js';
import type { PreparationQuestion } from '../ports/chat-sender.js';

/**
 * A participant's preparation questions: those of the items their role is
 * responsible for, or all of them when their role leads none (a board member,
 * say, prepares for the whole meeting).
 */
export function preparationQuestionsFor(conversation: Conversation, upn: string): PreparationQuestion[] {
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
