import { describe, expect, it } from 'vitest';
import {
  answersVisibleTo,
  assertCanAnswer,
  closeRound,
  reorderRound,
  revealRound,
  shuffled,
  startRound,
} from '../../src/domain/reflection-round.js';
import { DomainError } from '../../src/domain/errors.js';
import { now, plannedConversation } from '../support/factories.js';
import type { Conversation } from '../../src/domain/conversation.js';

const invited = (c: Conversation): Conversation => ({
  ...c,
  status: 'agendaSent',
  participants: [
    ...c.participants,
    {
      upn: 'jonas.kjaer@sohavn.example',
      displayName: 'Jonas Kjær',
      role: 'facilitator',
      response: 'accepted',
      external: false,
      invited: true,
    },
    {
      upn: 'peter.lind@sohavn.example',
      displayName: 'Peter Lind',
      role: 'minuteTaker',
      response: 'declined',
      external: false,
      invited: true,
    },
  ],
});
const conversation = invited(plannedConversation());
const start = (existing = [] as ReturnType<typeof startRound>[]) =>
  startRound(conversation, { id: 'r1', itemKey: 'reflection', openedBy: 'jonas.kjaer@sohavn.example' }, existing, now);
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return null;
};

describe('reflection round: open → revealed → closed', () => {
  it('asks everyone who has not declined, with the item’s reflection minutes', () => {
    const round = start();
    expect(round.status).toBe('open');
    expect(round.invitedUpns).toEqual(['mette.lund@sohavn.example', 'anders.holm@sohavn.example', 'jonas.kjaer@sohavn.example']);
    expect(round.minutes).toBeGreaterThan(0);
  });

  it('refuses an item without questions, an unknown item, a second open round and a draft conversation', () => {
    expect(code(() => startRound(conversation, { id: 'x', itemKey: 'welcome', openedBy: 'a' }, [], now))).toBe('ROUND_WITHOUT_QUESTIONS');
    expect(code(() => startRound(conversation, { id: 'x', itemKey: 'nope', openedBy: 'a' }, [], now))).toBe('AGENDA_ITEM_NOT_FOUND');
    expect(code(() => start([start()]))).toBe('ROUND_ALREADY_OPEN');
    expect(code(() => start([closeRound(start(), now)]))).toBeNull();
    expect(code(() => startRound({ ...conversation, status: 'draft' }, { id: 'x', itemKey: 'reflection', openedBy: 'a' }, [], now))).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('keeps answers private until the reveal, then shows them to every participant', () => {
    const round = start();
    expect(answersVisibleTo(round, 'a@x', 'b@x')).toBe(false);
    expect(answersVisibleTo(round, 'A@x', 'a@x')).toBe(true);
    expect(
      answersVisibleTo(
        revealRound(round, now, () => 0.5),
        'a@x',
        'b@x',
      ),
    ).toBe(true);
  });

  it('draws a shuffled speaking order of everyone asked, and accepts only a permutation of it', () => {
    const revealed = revealRound(start(), now, () => 0);
    expect([...revealed.speakingOrder].sort()).toEqual([...revealed.invitedUpns].sort());
    expect(revealed.speakingOrder).not.toEqual(revealed.invitedUpns);
    const reversed = [...revealed.speakingOrder].reverse();
    expect(reorderRound(revealed, reversed).speakingOrder).toEqual(reversed);
    expect(code(() => reorderRound(revealed, reversed.slice(1)))).toBe('SPEAKING_ORDER_INVALID');
    expect(code(() => reorderRound(revealed, [...reversed.slice(1), reversed[1]!]))).toBe('SPEAKING_ORDER_INVALID');
    expect(code(() => reorderRound(start(), reversed))).toBe('TRANSITION_NOT_ALLOWED');
    expect(code(() => revealRound(revealed, now, Math.random))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('lets those who answered speak first, whatever the shuffle', () => {
    const round = start();
    const answered = round.invitedUpns.slice(-2);
    for (const seed of [0, 0.3, 0.99]) {
      const order = revealRound(round, now, () => seed, answered).speakingOrder;
      expect([...order.slice(0, 2)].sort()).toEqual([...answered].sort());
      expect(order).toHaveLength(round.invitedUpns.length);
    }
  });

  it('allows answers until closed, only from those asked', () => {
    const round = start();
    expect(code(() => assertCanAnswer(round, 'JONAS.KJAER@sohavn.example'))).toBeNull();
    expect(code(() => assertCanAnswer(revealRound(round, now, Math.random), 'jonas.kjaer@sohavn.example'))).toBeNull();
    expect(code(() => assertCanAnswer(round, 'peter.lind@sohavn.example'))).toBe('NOT_IN_ROUND');
    const closed = closeRound(round, now);
    expect(code(() => assertCanAnswer(closed, 'jonas.kjaer@sohavn.example'))).toBe('ROUND_CLOSED');
    expect(code(() => closeRound(closed, now))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('shuffles every permutation with the injected random source', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(shuffled([1, 2, 3], Math.random).join());
    expect(seen.size).toBe(6);
  });
});
