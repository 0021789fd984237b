import type { Conversation } from '../../domain/conversation.js';
import { isAboutNationalTests } from '../../domain/publication-guard/test-result-levels.js';
import type { PreparationQuestion } from '../ports/chat-sender.js';

/**
 * A participant's preparation questions: those the template addresses to
 * their role, and only those — the pupil-council chair is not asked to
 * formulate the conversation's learning focus. Data-package headings are not
 * questions. Each question keeps its place in its item ("data:2"), so an
 * answer stays with its question when other items change.
 */
export function preparationQuestionsFor(conversation: Conversation, upn: string): PreparationQuestion[] {
  const role = conversation.participants.find((p) => p.upn.toLowerCase() === upn.toLowerCase())?.role;
  if (!role) return [];
  return conversation.template.items.flatMap((item) =>
    item.preparationQuestions.flatMap((entry, index) =>
      entry.kind === 'question' && entry.for.includes(role)
        ? [{ id: `${item.key}:${index}`, itemTitle: item.title, text: entry.text, aboutTests: isAboutNationalTests(entry.text) }]
        : [],
    ),
  );
}
