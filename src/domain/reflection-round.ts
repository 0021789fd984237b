import { DomainError } from './errors.js';
import type { Conversation } from './conversation.js';

/**
 * A reflection round on one agenda item: each participant writes privately,
 * the facilitator reveals, then everyone speaks in turn. Answers stay private
 * until the reveal; they can be edited until the round is closed.
 */
export type RoundStatus = 'open' | 'revealed' | 'closed';

export interface ReflectionRound {
  id: string;
  conversationId: string;
  itemKey: string;
  status: RoundStatus;
  /** Minutes of silent reflection, shown as a countdown hint on the card. */
  minutes: number;
  /** The people asked; participants who declined the meeting are not. */
  invitedUpns: string[];
  /** Who speaks when, once revealed. Everyone invited, answered or not. */
  speakingOrder: string[];
  openedBy: string;
  openedAt: Date;
  revealedAt: Date | null;
  closedAt: Date | null;
}

const defaultReflectionMinutes = 3;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function startRound(
  conversation: Conversation,
  input: { id: string; itemKey: string; openedBy: string; minutes?: number },
  existing: readonly ReflectionRound[],
  now: Date,
): ReflectionRound {
  if (!['invited', 'agendaSent', 'held'].includes(conversation.status)) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', { from: conversation.status, event: 'startRound' });
  }
  const item = conversation.template.items.find((i) => i.key === input.itemKey);
  if (!item) throw new DomainError('AGENDA_ITEM_NOT_FOUND', { itemKey: input.itemKey });
  if (item.reflectionQuestions.length === 0) throw new DomainError('ROUND_WITHOUT_QUESTIONS', { item: item.title });
  if (existing.some((r) => r.itemKey === input.itemKey && r.status !== 'closed')) {
    throw new DomainError('ROUND_ALREADY_OPEN', { item: item.title });
  }
  const invitedUpns = conversation.participants.filter((p) => p.response !== 'declined').map((p) => p.upn);
  return {
    id: input.id,
    conversationId: conversation.id,
    itemKey: item.key,
    status: 'open',
    minutes: input.minutes ?? item.reflectionMinutes ?? defaultReflectionMinutes,
    invitedUpns,
    speakingOrder: [],
    openedBy: input.openedBy,
    openedAt: now,
    revealedAt: null,
    closedAt: null,
  };
}

/** Whether this person may write or change an answer in the round now. */
export function assertCanAnswer(round: ReflectionRound, upn: string): void {
  if (round.status === 'closed') throw new DomainError('ROUND_CLOSED', {});
  if (!round.invitedUpns.some((u) => same(u, upn))) throw new DomainError('NOT_IN_ROUND', {});
}

/** Fisher–Yates with an injected random source, so tests can fix the order. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** "Vis svar": answers become visible and a shuffled speaking order is drawn. */
/**
 * "Vis svar": a shuffled speaking order in which those who answered speak
 * first (each group shuffled), so the round starts with something to say.
 */
export function revealRound(
  round: ReflectionRound,
  now: Date,
  random: () => number,
  answered: readonly string[] = round.invitedUpns,
): ReflectionRound {
  if (round.status !== 'open') throw new DomainError('TRANSITION_NOT_ALLOWED', { from: round.status, event: 'reveal' });
  const didAnswer = new Set(answered.map((u) => u.toLowerCase()));
  const withAnswer = round.invitedUpns.filter((u) => didAnswer.has(u.toLowerCase()));
  const without = round.invitedUpns.filter((u) => !didAnswer.has(u.toLowerCase()));
  return { ...round, status: 'revealed', revealedAt: now, speakingOrder: [...shuffled(withAnswer, random), ...shuffled(without, random)] };
}

/** The facilitator may change the order; the new one must name the same people, each once. */
export function reorderRound(round: ReflectionRound, order: readonly string[]): ReflectionRound {
  if (round.status !== 'revealed') throw new DomainError('TRANSITION_NOT_ALLOWED', { from: round.status, event: 'reorder' });
  const expected = [...round.speakingOrder].map((u) => u.toLowerCase()).sort();
  const given = [...order].map((u) => u.toLowerCase()).sort();
  if (expected.length !== given.length || expected.some((u, i) => u !== given[i])) {
    throw new DomainError('SPEAKING_ORDER_INVALID', {});
  }
  const byKey = new Map(round.speakingOrder.map((u) => [u.toLowerCase(), u]));
  return { ...round, speakingOrder: order.map((u) => byKey.get(u.toLowerCase())!) };
}

export function closeRound(round: ReflectionRound, now: Date): ReflectionRound {
  if (round.status === 'closed') throw new DomainError('TRANSITION_NOT_ALLOWED', { from: round.status, event: 'close' });
  const revealed = round.status === 'open' ? { ...round, revealedAt: now, speakingOrder: round.invitedUpns } : round;
  return { ...revealed, status: 'closed', closedAt: now };
}

/** Before the reveal only the person's own answer is visible; afterwards, all of them to the participants. */
export function answersVisibleTo(round: ReflectionRound, viewerUpn: string, answerUpn: string): boolean {
  return round.status !== 'open' || same(viewerUpn, answerUpn);
}

/**
 * A revealed round's answers as a first draft for the minutes under its
 * item, in speaking order, each with the name of who wrote it (the internal
 * minutes go to participants only). Danish, as the minutes are. Null when the
 * round is not revealed or nobody answered.
 */
export function reflectionMinutesDraft(
  round: Pick<ReflectionRound, 'revealedAt' | 'speakingOrder'>,
  answers: readonly { upn: string; text: string }[],
  nameOf: (upn: string) => string,
): string | null {
  if (!round.revealedAt) return null;
  const byUpn = new Map(answers.filter((a) => a.text.trim()).map((a) => [a.upn.toLowerCase(), a.text.trim()]));
  const ordered = round.speakingOrder.filter((upn) => byUpn.has(upn.toLowerCase()));
  // Anyone who answered but is missing from the order (taken off later) still counts.
  for (const upn of byUpn.keys()) if (!ordered.some((o) => o.toLowerCase() === upn)) ordered.push(upn);
  if (ordered.length === 0) return null;
  const lines = ordered.map((upn) => `- ${nameOf(upn)}: ${byUpn.get(upn.toLowerCase())}`);
  return [`Refleksionsrunde (${ordered.length} svar):`, ...lines].join('\n');
}
