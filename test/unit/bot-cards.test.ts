import { describe, expect, it } from 'vitest';
import * as AC from 'adaptivecards';
import { welcomeCard, deadlineReminderCard, upcomingCard } from '../../bot/cards/conversation-cards.js';
import type { ConversationFacts } from '../../src/app/ports/chat-sender.js';
import { reflectionCard } from '../../bot/cards/reflection-card.js';
import { preparationCard, preparationInputId, questionIdFromInput } from '../../bot/cards/preparation-card.js';
import { evaluationCard } from '../../bot/cards/evaluation-card.js';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { evaluationSubmitSchema, preparationSubmitSchema, reflectionAnswerSchema } from '../../bot/card-submits.js';
import { seedTemplate } from '../support/factories.js';

/** Parses a card with Microsoft's own renderer library; any warning (unknown element, bad value) is a failure. */
function problemsOf(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
}

const facts: ConversationFacts = {
  id: '11111111-1111-4111-8111-111111111111',
  schoolName: 'Bakkeskolen',
  startsAt: new Date('2027-03-10T08:00:00Z'),
  theme: 'Deltagelsesmuligheder for alle børn',
  role: 'facilitator',
  conversationUrl: 'https://app.example.dk/#/conversations/1',
  agendaUrl: 'https://sohavn.sharepoint.com/agenda.docx',
};
const template = seedTemplate('holbaek-2024');
const questions = template.items.flatMap((i) =>
  i.preparationQuestions.map((q, n) => ({ id: `${i.key}:${n}`, itemTitle: i.title, text: q.text, aboutTests: false })),
);
const longAnswer = 'æ'.repeat(4000);

const cards: [string, AdaptiveCard][] = [];
for (const locale of ['da', 'en'] as const) {
  cards.push(
    [`welcome ${locale}`, welcomeCard(facts, locale)],
    [`reminder ${locale}`, deadlineReminderCard(facts, new Date('2027-02-28T08:00:00Z'), new Date('2027-03-03T08:00:00Z'), locale)],
    [
      `upcoming ${locale}`,
      upcomingCard(
        Array.from({ length: 20 }, () => facts),
        locale,
      ),
    ],
    [`upcoming empty ${locale}`, upcomingCard([], locale)],
    [
      `preparation ${locale}`,
      preparationCard({ conversationId: facts.id, schoolName: 'B', startsAt: facts.startsAt, questions, answers: null }, locale),
    ],
    [
      `preparation filled ${locale}`,
      preparationCard(
        {
          conversationId: facts.id,
          schoolName: 'B',
          startsAt: facts.startsAt,
          questions,
          answers: Object.fromEntries(questions.map((q) => [q.id, longAnswer.slice(0, 600)])),
          editing: true,
        },
        locale,
      ),
    ],
    [`evaluation ${locale}`, evaluationCard({ conversationId: facts.id, schoolName: 'B', answer: null, open: true }, locale)],
    [
      `evaluation answered ${locale}`,
      evaluationCard(
        {
          conversationId: facts.id,
          schoolName: 'B',
          answer: { wentWell: longAnswer, adjust: '', carryForward: '', rating: 4 },
          open: true,
          editing: true,
        },
        locale,
      ),
    ],
    [
      `preparation received ${locale}`,
      preparationCard(
        { conversationId: facts.id, schoolName: 'B', startsAt: facts.startsAt, questions, answers: { 'data:0': 'Svar' } },
        locale,
      ),
    ],
    [
      `evaluation received ${locale}`,
      evaluationCard(
        { conversationId: facts.id, schoolName: 'B', answer: { wentWell: '', adjust: '', carryForward: '', rating: 2 }, open: true },
        locale,
      ),
    ],
    [`evaluation closed ${locale}`, evaluationCard({ conversationId: facts.id, schoolName: 'B', answer: null, open: false }, locale)],
  );
  for (const roundStatus of ['open', 'revealed', 'closed'] as const) {
    for (const answer of [null, longAnswer]) {
      cards.push([
        `reflection ${roundStatus} ${answer ? 'answered' : 'blank'} ${locale}`,
        reflectionCard(
          { roundId: 'r1', itemTitle: 'Refleksion over data', questions: ['Hvad hæfter du dig ved?'], minutes: 3, roundStatus, answer },
          locale,
        ),
      ]);
    }
  }
}

describe('Adaptive Cards', () => {
  it.each(cards)('%s parses cleanly with the adaptivecards library, is version 1.5 and under 28 KB', (_name, card) => {
    expect(problemsOf(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  });

  it('uses Universal Actions (Action.Execute) for every answer, so Teams updates the card in place', () => {
    const verbs = cards.flatMap(([, c]) =>
      (c.actions ?? []).filter((a) => a.type === 'Action.Execute').map((a) => (a as { verb: string }).verb),
    );
    expect(new Set(verbs)).toEqual(
      new Set(['reflection.answer', 'reflection.edit', 'preparation.answer', 'preparation.edit', 'evaluation.answer', 'evaluation.edit']),
    );
    expect(cards.some(([, c]) => c.actions?.some((a) => a.type === ('Action.Submit' as never)))).toBe(false);
  });

  it('draws the reflection card’s faces: question, "Svar modtaget", closed', () => {
    const base = { roundId: 'r1', itemTitle: 'Punkt', questions: ['Q?'], minutes: 3 };
    expect(JSON.stringify(reflectionCard({ ...base, roundStatus: 'open', answer: null }, 'da'))).toContain('Send svar');
    const received = JSON.stringify(reflectionCard({ ...base, roundStatus: 'open', answer: 'Mit svar' }, 'da'));
    expect(received).toContain('Svar modtaget');
    expect(received).toContain('Mit svar');
    expect(received).toContain('reflection.refresh');
    const closed = reflectionCard({ ...base, roundStatus: 'closed', answer: 'Mit svar' }, 'da');
    expect(JSON.stringify(closed)).toContain('Runden er lukket');
    expect(closed.actions).toBeUndefined();
    expect(closed.refresh).toBeUndefined();
    expect(JSON.stringify(reflectionCard({ ...base, roundStatus: 'open', answer: null }, 'en'))).toContain('Send answer');
  });
});

describe('card submits', () => {
  it('accepts a reflection answer and refuses empty, oversized or malformed ones', () => {
    expect(reflectionAnswerSchema.parse({ roundId: 'r1', answer: '  Tanker  ' })).toEqual({ roundId: 'r1', answer: 'Tanker' });
    for (const bad of [
      { roundId: 'r1', answer: '   ' },
      { roundId: 'r1', answer: 'x'.repeat(4001) },
      { roundId: { $ne: 1 }, answer: 'x' },
      {},
    ]) {
      expect(reflectionAnswerSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('reads preparation inputs back to question ids and drops everything else', () => {
    const inputId = preparationInputId('data:2');
    expect(questionIdFromInput(inputId)).toBe('data:2');
    const parsed = preparationSubmitSchema.parse({ conversationId: facts.id, [inputId]: ' Svar ', other: 'x', q__empty: '  ' });
    expect(parsed).toEqual({ conversationId: facts.id, answers: { [inputId]: 'Svar' } });
    expect(preparationSubmitSchema.safeParse({ conversationId: facts.id, [inputId]: 'x'.repeat(4001) }).success).toBe(false);
  });

  it('needs a rating from 1 to 5 on the evaluation', () => {
    expect(evaluationSubmitSchema.parse({ conversationId: facts.id, rating: '4' }).rating).toBe(4);
    for (const rating of ['0', '6', 'god', undefined]) {
      expect(evaluationSubmitSchema.safeParse({ conversationId: facts.id, rating }).success).toBe(false);
    }
  });
});

describe('the deadline reminder', () => {
  const text = (card: AdaptiveCard) => JSON.stringify(card);
  it('says how long is really left, not the schedule’s threshold', () => {
    const soon = deadlineReminderCard(facts, new Date('2027-03-10T07:33:00Z'), new Date('2027-03-03T08:00:00Z'), 'da');
    expect(text(soon)).toContain('om 27 minutter');
    expect(text(soon)).not.toContain('om 7 dage');
    expect(text(soon)).toContain('Fristen for at sende dagsorden og datapakke var onsdag 3. marts');
    const early = deadlineReminderCard(facts, new Date('2027-02-28T08:00:00Z'), new Date('2027-03-03T08:00:00Z'), 'da');
    expect(text(early)).toContain('om 10 dage');
    expect(text(early)).toContain('skal sendes senest onsdag 3. marts');
    expect(text(deadlineReminderCard(facts, new Date('2027-03-09T08:00:00Z'), new Date('2027-03-03T08:00:00Z'), 'en'))).toContain(
      'in 24 hours',
    );
  });
});
