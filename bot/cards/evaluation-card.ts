import { card, heading, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { botTexts, interpolate, type BotLocale } from '../bot-texts.js';
import type { EvaluationPrompt } from '../../src/app/ports/chat-sender.js';

export const evaluationVerbs = { answer: 'evaluation.answer', edit: 'evaluation.edit' } as const;

export function evaluationCard(input: EvaluationPrompt & { editing?: boolean }, locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale).evaluation;
  const data = { conversationId: input.conversationId };
  const body: CardElement[] = [heading(interpolate(t.title, { school: input.schoolName }))];
  if (!input.open) {
    body.push(paragraph(t.closed, { weight: 'bolder' }));
    return card(locale, body);
  }
  if (input.answer && !input.editing) {
    body.push(paragraph(`✓ ${t.received}`, { weight: 'bolder', color: 'good' }));
    body.push(paragraph(`${'★'.repeat(input.answer.rating)}${'☆'.repeat(5 - input.answer.rating)}`, { isSubtle: true }));
    return card(locale, body, [{ type: 'Action.Execute', title: t.edit, verb: evaluationVerbs.edit, data }]);
  }
  const a = input.answer;
  body.push(paragraph(t.intro));
  const text = (id: 'wentWell' | 'adjust' | 'carryForward'): CardElement => ({
    type: 'Input.Text',
    id,
    label: t[id],
    isMultiline: true,
    maxLength: 4000,
    ...(a?.[id] ? { value: a[id] } : {}),
  });
  body.push(text('wentWell'), text('adjust'), text('carryForward'));
  body.push({
    type: 'Input.ChoiceSet',
    id: 'rating',
    label: t.rating,
    style: 'expanded',
    isRequired: true,
    errorMessage: botTexts(locale).errors.RATING_MISSING,
    choices: [1, 2, 3, 4, 5].map((n) => ({ title: String(n), value: String(n) })),
    ...(a ? { value: String(a.rating) } : {}),
  });
  return card(locale, body, [{ type: 'Action.Execute', title: t.submit, verb: evaluationVerbs.answer, data, style: 'positive' }]);
}
