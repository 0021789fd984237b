import { z } from 'zod';
import type { Conversation } from './conversation.js';
import { transition } from './conversation-lifecycle.js';
import { DomainError } from './errors.js';
import { warningFingerprint, type GuardContext } from './publication-guard/publication-guard.js';
import { checkPublication, type PublicFinding } from './publication-guard/check-publication.js';

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();

export const agreementSchema = z.object({
  id: z.string().uuid(),
  what: text(1000).min(1),
  /** A role ("Skoleleder") or a name: the one place the public note may name a person (seed 000). */
  owner: text(200).min(1),
  dueDate: isoDate.nullable(),
  followUpDate: isoDate.nullable(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const decisionSchema = z.object({ id: z.string().uuid(), text: text(2000).min(1) });
export type Decision = z.infer<typeof decisionSchema>;

/** The minutes in the common template: notes per agenda item, decisions, agreements, and the public note. */
export const minutesContentSchema = z.object({
  itemNotes: z.record(z.string().max(60), text(20_000)),
  decisions: z.array(decisionSchema).max(50),
  agreements: z.array(agreementSchema).max(50),
  publicNote: text(20_000),
  /** Personal-data warnings the school leader has looked at and kept, by fingerprint. */
  confirmedWarnings: z.array(z.string().max(300)).max(200),
});
export type MinutesContent = z.infer<typeof minutesContentSchema>;

/**
 * A draft of the minutes as typed: rows may still be half filled (an agreement
 * with no owner yet), so nothing is required — only the sizes hold.
 */
export const minutesDraftSchema = minutesContentSchema.extend({
  decisions: z.array(z.object({ id: z.string().max(60), text: z.string().max(2000) })).max(50),
  agreements: z
    .array(
      z.object({
        id: z.string().max(60),
        what: z.string().max(1000),
        owner: z.string().max(200),
        dueDate: z.string().max(10).nullable(),
        followUpDate: z.string().max(10).nullable(),
      }),
    )
    .max(50),
});

export const emptyMinutes = (): MinutesContent => ({ itemNotes: {}, decisions: [], agreements: [], publicNote: '', confirmedWarnings: [] });

export { warningFingerprint, checkPublication };

/**
 * Minutes can be written once the meeting has started: the first save moves
 * an invited conversation to held, and on to minutes drafted.
 */
export function startMinutes(conversation: Conversation, now: Date): Conversation {
  if (conversation.status === 'minutesDrafted') return conversation;
  if ((conversation.status === 'invited' || conversation.status === 'agendaSent') && now.getTime() < conversation.startsAt.getTime()) {
    throw new DomainError('MINUTES_BEFORE_MEETING', { startsAt: conversation.startsAt.toISOString() });
  }
  const held = conversation.status === 'held' ? conversation : { ...conversation, status: transition(conversation.status, 'hold') };
  return { ...held, status: transition(held.status, 'draftMinutes') };
}

export type { PublicField, PublicFinding } from './publication-guard/check-publication.js';

export interface ApprovalCheck {
  findings: PublicFinding[];
  blocking: boolean;
  /** Warnings nobody has confirmed yet (blocking findings can never be confirmed). */
  unconfirmedWarnings: PublicFinding[];
}

export function checkApproval(minutes: MinutesContent, context: GuardContext): ApprovalCheck {
  const findings = checkPublication(minutes, context);
  const confirmed = new Set(minutes.confirmedWarnings);
  return {
    findings,
    blocking: findings.some((f) => f.severity === 'blocking'),
    unconfirmedWarnings: findings.filter((f) => f.severity === 'warning' && !confirmed.has(warningFingerprint(f))),
  };
}

/**
 * The school leader approves: impossible while anything public states a
 * test-result level or a CPR number (never confirmable), carries personal
 * data nobody confirmed, or the note is empty.
 */
export function approveMinutes(conversation: Conversation, minutes: MinutesContent, context: GuardContext): Conversation {
  if (!minutes.publicNote.trim()) throw new DomainError('PUBLIC_NOTE_EMPTY');
  const { findings, unconfirmedWarnings } = checkApproval(minutes, context);
  const cpr = findings.filter((f) => f.rule === 'cpr');
  if (cpr.length > 0) throw new DomainError('PUBLIC_NOTE_HAS_CPR', { count: cpr.length });
  const blocking = findings.filter((f) => f.severity === 'blocking');
  if (blocking.length > 0)
    throw new DomainError('PUBLIC_NOTE_HAS_TEST_RESULTS', { sentences: [...new Set(blocking.map((f) => f.sentence.text))] });
  if (unconfirmedWarnings.length > 0)
    throw new DomainError('PUBLIC_NOTE_HAS_PERSONAL_DATA', { words: unconfirmedWarnings.map((f) => f.text) });
  return { ...conversation, status: transition(conversation.status, 'approveMinutes') };
}
