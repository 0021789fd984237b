import type { Queryable } from '../src/store/database.js';
import type { OutboxMessage } from '../src/store/chat-outbox-repository.js';
import { chatOutboxRepository } from '../src/store/chat-outbox-repository.js';
import { conversationRepository } from '../src/store/conversation-repository.js';
import { m365LinksRepository } from '../src/store/m365-links-repository.js';
import { reflectionRoundsRepository } from '../src/store/reflection-rounds-repository.js';
import { evaluationsRepository } from '../src/store/evaluations-repository.js';
import { preparationAnswersRepository } from '../src/store/preparation-answers-repository.js';
import { preparationQuestionsFor } from '../src/app/preparation.js';
import { evaluationClosedReason } from '../src/domain/evaluation.js';
import type { OutgoingMessage } from '../src/jobs/chat-sender.js';
import type { Conversation } from '../src/domain/conversation.js';
import { cardContentType, type AdaptiveCard } from './cards/adaptive-card.js';
import { deadlineReminderCard, minutesCard, welcomeCard, type ConversationFacts } from './cards/conversation-cards.js';
import { minutesRepository } from '../src/store/minutes-repository.js';
import { reflectionCard } from './cards/reflection-card.js';
import { preparationCard } from './cards/preparation-card.js';
import { evaluationCard } from './cards/evaluation-card.js';
import type { BotLocale } from './bot-texts.js';
import type { ConversationLinks } from './conversation-links.js';

const asMessage = (card: AdaptiveCard): OutgoingMessage => ({ attachments: [{ contentType: cardContentType, content: card }] });

export function factsOf(conversation: Conversation, upn: string, links: ConversationLinks, agendaUrl: string | null): ConversationFacts {
  const participant = conversation.participants.find((p) => p.upn.toLowerCase() === upn.toLowerCase());
  return {
    id: conversation.id,
    schoolName: conversation.schoolName,
    startsAt: conversation.startsAt,
    theme: conversation.theme,
    role: participant?.role ?? 'participant',
    conversationUrl: links.conversationUrl(conversation.id),
    agendaUrl,
  };
}

/**
 * Builds what an outbox message says, from the state as it is at sending
 * time: a reflection card sent after the round closed is drawn closed. Null
 * when the message no longer applies (the conversation is gone or cancelled,
 * the person is no longer a participant).
 */
export async function renderOutboxMessage(
  db: Queryable,
  message: OutboxMessage,
  locale: BotLocale,
  links: ConversationLinks,
  now: Date,
): Promise<OutgoingMessage | null> {
  if (message.kind === 'cardUpdate') {
    const target = await chatOutboxRepository.byKey(db, String(message.payload.targetKey ?? ''));
    return target ? renderOutboxMessage(db, target, locale, links, now) : null;
  }
  if (!message.conversationId) return null;
  const conversation = await conversationRepository.getForParticipant(db, message.conversationId, message.upn);
  if (!conversation) return null;
  if (conversation.status === 'cancelled') return null;
  if (!conversation.participants.some((p) => p.upn.toLowerCase() === message.upn)) return null;

  switch (message.kind) {
    case 'welcome': {
      const links365 = await m365LinksRepository.get(db, conversation.id);
      return asMessage(welcomeCard(factsOf(conversation, message.upn, links, links365.agendaWebUrl), locale));
    }
    case 'deadlineReminder':
      if (conversation.agendaSentAt) return null;
      return asMessage(
        deadlineReminderCard(factsOf(conversation, message.upn, links, null), Number(message.payload.daysBefore ?? 7), locale),
      );
    case 'preparation': {
      const questions = preparationQuestionsFor(conversation, message.upn);
      if (questions.length === 0) return null;
      const answers = (await preparationAnswersRepository.forConversation(db, conversation.id)).find((a) => a.upn === message.upn);
      return asMessage(
        preparationCard(
          {
            conversationId: conversation.id,
            schoolName: conversation.schoolName,
            startsAt: conversation.startsAt,
            questions,
            answers: answers?.answers ?? null,
          },
          locale,
        ),
      );
    }
    case 'reflection': {
      const stored = await reflectionRoundsRepository.get(db, String(message.payload.roundId ?? ''));
      if (!stored) return null;
      const item = conversation.template.items.find((i) => i.key === stored.round.itemKey);
      const own = await reflectionRoundsRepository.answerOf(db, stored.round.id, message.upn);
      return asMessage(
        reflectionCard(
          {
            roundId: stored.round.id,
            itemTitle: item?.title ?? stored.round.itemKey,
            questions: item?.reflectionQuestions ?? [],
            minutes: stored.round.minutes,
            roundStatus: stored.round.status,
            answer: own,
          },
          locale,
        ),
      );
    }
    case 'minutes': {
      const minutes = await minutesRepository.get(db, conversation.id);
      if (!minutes.approvedAt || !minutes.publicId || !minutes.internalWebUrl || !minutes.publicDocxWebUrl) return null;
      return asMessage(
        minutesCard(
          {
            schoolName: conversation.schoolName,
            internalUrl: minutes.internalWebUrl,
            publicDocxUrl: minutes.publicDocxWebUrl,
            publicNoteUrl: links.publicNoteUrl(minutes.publicId),
          },
          locale,
        ),
      );
    }
    case 'evaluation': {
      const mine = (await evaluationsRepository.forConversation(db, conversation.id)).find((e) => e.upn === message.upn) ?? null;
      return asMessage(
        evaluationCard(
          {
            conversationId: conversation.id,
            schoolName: conversation.schoolName,
            answer: mine,
            open: evaluationClosedReason(conversation.status, conversation.startsAt, now) === null,
          },
          locale,
        ),
      );
    }
  }
}
