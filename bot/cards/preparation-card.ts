import { card, heading, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import type { PreparationPrompt } from '../../src/app/ports/chat-sender.js';
import { botTexts, formatWhen, interpolate, type BotLocale } from '../bot-texts.js';

export const preparationVerbs = { answer: 'preparation.answer', edit: 'preparation.edit' } as const;

/** Input ids must be plain; the question id's colon becomes a double underscore. */
export const preparationInputId = (questionId: string) => `q__${questionId.replace(':', '__')}`;
export const questionIdFromInput = (inputId: string) => inputId.replace(/^q__/, '').replace('__', ':');

export function preparationCard(input: PreparationPrompt & { editing?: boolean }, locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale).preparation;
  const data = { conversationId: input.conversationId };
  const body: CardElement[] = [heading(interpolate(t.title, { school: input.schoolName }))];
  if (input.answers && !input.editing) {
    body.push(paragraph(`✓ ${t.received}`, { weight: 'bolder', color: 'good' }));
    return card(locale, body, [{ type: 'Action.Execute', title: t.edit, verb: preparationVerbs.edit, data }]);
  }
  body.push(paragraph(interpolate(t.intro, { when: formatWhen(input.startsAt, locale) })));
  let lastItem = '';
  for (const q of input.questions) {
    if (q.itemTitle !== lastItem) body.push(paragraph(q.itemTitle, { weight: 'bolder', spacing: 'medium' }));
    lastItem = q.itemTitle;
    body.push({
      type: 'Input.Text',
      id: preparationInputId(q.id),
      label: q.text,
      placeholder: t.placeholder,
      isMultiline: true,
      maxLength: 4000,
      ...(input.answers?.[q.id] ? { value: input.answers[q.id] } : {}),
    });
    // Every participant reads the answers: results of the national tests belong in the data package, not here.
    if (q.aboutTests) body.push(paragraph(t.noTestResults, { isSubtle: true, spacing: 'none' }));
  }
  return card(locale, body, [{ type: 'Action.Execute', title: t.submit, verb: preparationVerbs.answer, data, style: 'positive' }]);
}
