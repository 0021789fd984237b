import { z } from 'zod';
import { DomainError } from './errors.js';

export const conversationStatusSchema = z.enum([
  'draft',
  'invited',
  'agendaSent',
  'held',
  'minutesDrafted',
  'minutesApproved',
  'published',
  'cancelled',
]);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

export type ConversationEvent = 'invite' | 'sendAgenda' | 'hold' | 'draftMinutes' | 'approveMinutes' | 'publish' | 'cancel';

/**
 * The lifecycle as a table, so that every allowed move is visible in one place.
 * Sending the agenda again after it was sent is allowed: the school leader may
 * add a participant or a document late, and the invitation must follow.
 */
const transitions: Record<ConversationStatus, Partial<Record<ConversationEvent, ConversationStatus>>> = {
  draft: { invite: 'invited', cancel: 'cancelled' },
  invited: { sendAgenda: 'agendaSent', hold: 'held', cancel: 'cancelled' },
  agendaSent: { sendAgenda: 'agendaSent', hold: 'held', cancel: 'cancelled' },
  held: { draftMinutes: 'minutesDrafted' },
  minutesDrafted: { draftMinutes: 'minutesDrafted', approveMinutes: 'minutesApproved' },
  minutesApproved: { publish: 'published' },
  published: {},
  cancelled: {},
};

export function transition(from: ConversationStatus, event: ConversationEvent): ConversationStatus {
  const to = transitions[from][event];
  if (!to) throw new DomainError('TRANSITION_NOT_ALLOWED', { from, event });
  return to;
}

export const canTransition = (from: ConversationStatus, event: ConversationEvent): boolean => transitions[from][event] !== undefined;
