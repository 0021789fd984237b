import { agendaDeadline } from '../../domain/agenda-deadline.js';
import type { Conversation } from '../../domain/conversation.js';
import { evaluationClosedReason } from '../../domain/evaluation.js';
import { chatOutboxRepository, type OutboxMessage } from '../../store/chat-outbox-repository.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { m365LinksRepository } from '../../store/m365-links-repository.js';
import { reflectionRoundsRepository } from '../../store/reflection-rounds-repository.js';
import { evaluationsRepository } from '../../store/evaluations-repository.js';
import { preparationAnswersRepository } from '../../store/preparation-answers-repository.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { preparationQuestionsFor } from '../preparation/preparation-questions.js';
import type { ChatPrompt, ConversationFacts } from '../ports/chat-sender.js';
import type { AppContext } from '../app-context.js';

export function conversationFacts(ctx: AppContext, conversation: Conversation, upn: string, agendaUrl: string | null): ConversationFacts {
  const participant = conversation.participants.find((p) => p.upn.toLowerCase() === upn.toLowerCase());
  return {
    id: conversation.id,
    schoolName: conversation.schoolName,
    startsAt: conversation.startsAt,
    theme: conversation.theme,
    role: participant?.role ?? 'participant',
    conversationUrl: ctx.links.conversationUrl(conversation.id),
    agendaUrl,
  };
}

/**
 * What an outbox message says, from the state as it is at sending time: a
 * reflection card sent after the round closed is drawn closed. Null when the
 * message no longer applies (the conversation is gone or cancelled, the
 * person is no longer a participant, the agenda was sent after all).
 */
export async function chatPromptFor(ctx: AppContext, message: OutboxMessage): Promise<ChatPrompt | null> {
  const { db } = ctx;
  if (message.kind === 'cardUpdate') {
    const target = await chatOutboxRepository.byKey(db, String(message.payload.targetKey ?? ''));
    if (!target?.conversationId) return null;
    const current = await conversationRepository.getForParticipant(db, target.conversationId, target.upn);
    if (current && current.status !== 'cancelled' && current.participants.length === 0) {
      return { kind: 'noLongerParticipant', schoolName: current.schoolName };
    }
    return chatPromptFor(ctx, target);
  }
  if (!message.conversationId) return null;
  const conversation = await conversationRepository.getForParticipant(db, message.conversationId, message.upn);
  if (!conversation || conversation.status === 'cancelled') return null;
  if (!conversation.participants.some((p) => p.upn.toLowerCase() === message.upn)) return null;

  switch (message.kind) {
    case 'welcome': {
      const { agendaWebUrl } = await m365LinksRepository.get(db, conversation.id);
      return { kind: 'welcome', facts: conversationFacts(ctx, conversation, message.upn, agendaWebUrl) };
    }
    case 'deadlineReminder':
      if (conversation.agendaSentAt) return null;
      return {
        kind: 'deadlineReminder',
        facts: conversationFacts(ctx, conversation, message.upn, null),
        drawnAt: ctx.now(),
        agendaDueAt: agendaDeadline(conversation.startsAt, null, ctx.now()).dueAt,
      };
    case 'nudge': {
      const items = (Array.isArray(message.payload.items) ? message.payload.items : []).filter(
        (i): i is 'agendaLate' | 'minutesLate' | 'noteNotLinked' => i === 'agendaLate' || i === 'minutesLate' || i === 'noteNotLinked',
      );
      // The agenda went out meanwhile: that part no longer applies.
      const still = items.filter((i) => i !== 'agendaLate' || !conversation.agendaSentAt);
      return still.length ? { kind: 'nudge', facts: conversationFacts(ctx, conversation, message.upn, null), items: still } : null;
    }
    case 'preparation': {
      const questions = preparationQuestionsFor(conversation, message.upn);
      if (questions.length === 0) return null;
      const own = (await preparationAnswersRepository.forConversation(db, conversation.id)).find((a) => a.upn === message.upn);
      // Answered already (in the tab or the Outlook add-in): the bot does not ask again.
      if (own && questions.every((q) => own.answers[q.id]?.trim())) return null;
      return {
        kind: 'preparation',
        preparation: {
          conversationId: conversation.id,
          schoolName: conversation.schoolName,
          startsAt: conversation.startsAt,
          questions,
          answers: own?.answers ?? null,
        },
      };
    }
    case 'reflection': {
      const stored = await reflectionRoundsRepository.get(db, String(message.payload.roundId ?? ''));
      if (!stored) return null;
      const item = conversation.template.items.find((i) => i.key === stored.round.itemKey);
      return {
        kind: 'reflection',
        reflection: {
          roundId: stored.round.id,
          itemTitle: item?.title ?? stored.round.itemKey,
          questions: item?.reflectionQuestions ?? [],
          minutes: stored.round.minutes,
          roundStatus: stored.round.status,
          answer: await reflectionRoundsRepository.answerOf(db, stored.round.id, message.upn),
        },
      };
    }
    case 'minutes': {
      const minutes = await minutesRepository.get(db, conversation.id);
      if (!minutes.approvedAt || !minutes.publicId || !minutes.internalWebUrl || !minutes.publicDocxWebUrl) return null;
      return {
        kind: 'minutes',
        minutes: {
          schoolName: conversation.schoolName,
          internalUrl: minutes.internalWebUrl,
          publicDocxUrl: minutes.publicDocxWebUrl,
          publicNoteUrl: ctx.links.publicNoteUrl(minutes.publicId),
        },
      };
    }
    case 'evaluation': {
      const mine = (await evaluationsRepository.forConversation(db, conversation.id)).find((e) => e.upn === message.upn) ?? null;
      return {
        kind: 'evaluation',
        evaluation: {
          conversationId: conversation.id,
          schoolName: conversation.schoolName,
          answer: mine,
          open: evaluationClosedReason(conversation.status, conversation.startsAt, ctx.now()) === null,
        },
      };
    }
  }
}
