import type { ChatLocale, ChatPrompt } from '../src/app/ports/chat-sender.js';
import { cardContentType, type AdaptiveCard } from './cards/adaptive-card.js';
import { deadlineReminderCard, minutesCard, noLongerParticipantCard, nudgeCard, welcomeCard } from './cards/conversation-cards.js';
import { reflectionCard } from './cards/reflection-card.js';
import { preparationCard } from './cards/preparation-card.js';
import { evaluationCard } from './cards/evaluation-card.js';

/** A message for a person's chat: text, a card, or both. */
export interface OutgoingMessage {
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
}

const asMessage = (card: AdaptiveCard): OutgoingMessage => ({ attachments: [{ contentType: cardContentType, content: card }] });

/** Draws what the product has to say as the Adaptive Card Teams shows, in the person's language. */
export function renderPrompt(prompt: ChatPrompt, locale: ChatLocale): OutgoingMessage {
  switch (prompt.kind) {
    case 'welcome':
      return asMessage(welcomeCard(prompt.facts, locale));
    case 'deadlineReminder':
      return asMessage(deadlineReminderCard(prompt.facts, prompt.drawnAt, prompt.agendaDueAt, locale));
    case 'nudge':
      return asMessage(nudgeCard(prompt.facts, prompt.items, locale));
    case 'preparation':
      return asMessage(preparationCard(prompt.preparation, locale));
    case 'reflection':
      return asMessage(reflectionCard(prompt.reflection, locale));
    case 'evaluation':
      return asMessage(evaluationCard(prompt.evaluation, locale));
    case 'minutes':
      return asMessage(minutesCard(prompt.minutes, locale));
    case 'noLongerParticipant':
      return asMessage(noLongerParticipantCard(prompt.schoolName, locale));
  }
}
