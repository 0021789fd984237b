import { card, heading, paragraph, type AdaptiveCard, type ActionExecute, type CardElement } from './adaptive-card.js';
import { botTexts, interpolate, type BotLocale } from '../bot-texts.js';
import type { ReflectionPrompt } from '../../src/app/ports/chat-sender.js';

export const reflectionVerbs = { answer: 'reflection.answer', edit: 'reflection.edit', refresh: 'reflection.refresh' } as const;
export const maxAnswerLength = 4000;

/** The round as the person sees it; `editing` shows the form even when an answer exists (after "Ret svar"). */
export type ReflectionCardInput = ReflectionPrompt & { editing?: boolean };

/**
 * One card, four faces: the question with a text field; "Svar modtaget" with
 * the answer and "Ret svar"; the same after the reveal; and closed. The card
 * asks Teams to refresh it, so a person who opens the chat late sees the
 * round's current state rather than the state it was sent in.
 */
export function reflectionCard(input: ReflectionCardInput, locale: BotLocale): AdaptiveCard {
  const t = botTexts(locale).reflection;
  const data = { roundId: input.roundId };
  const body: CardElement[] = [heading(interpolate(t.title, { item: input.itemTitle }))];
  for (const question of input.questions) body.push(paragraph(question));
  const refresh = { action: { type: 'Action.Execute', title: 'refresh', verb: reflectionVerbs.refresh, data } satisfies ActionExecute };

  if (input.roundStatus === 'closed') {
    body.push(paragraph(t.closed, { weight: 'bolder' }));
    body.push(paragraph(input.answer ? `${t.yourAnswer}: ${input.answer}` : t.noAnswer, { isSubtle: true }));
    return card(locale, body);
  }
  if (input.answer !== null && !input.editing) {
    body.push(paragraph(`✓ ${t.received}`, { weight: 'bolder', color: 'good' }));
    body.push(paragraph(`${t.yourAnswer}: ${input.answer}`, { isSubtle: true }));
    body.push(paragraph(input.roundStatus === 'revealed' ? t.revealed : t.receivedNote, { size: 'small' }));
    return card(locale, body, [{ type: 'Action.Execute', title: t.edit, verb: reflectionVerbs.edit, data }], refresh);
  }
  body.push(paragraph(interpolate(t.countdown, { minutes: input.minutes }), { isSubtle: true, size: 'small' }));
  body.push({
    type: 'Input.Text',
    id: 'answer',
    label: t.yourAnswer,
    placeholder: t.placeholder,
    isMultiline: true,
    maxLength: maxAnswerLength,
    isRequired: true,
    errorMessage: t.emptyAnswer,
    ...(input.answer ? { value: input.answer } : {}),
  });
  return card(locale, body, [{ type: 'Action.Execute', title: t.submit, verb: reflectionVerbs.answer, data, style: 'positive' }], refresh);
}
