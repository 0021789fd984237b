import { describe, expect, it } from 'vitest';
import { canTransition, transition, type ConversationEvent, type ConversationStatus } from '../../src/domain/conversation-lifecycle.js';
import { DomainError } from '../../src/domain/errors.js';

describe('conversation lifecycle', () => {
  it('walks from draft to published', () => {
    const path: [ConversationEvent, ConversationStatus][] = [
      ['invite', 'invited'],
      ['sendAgenda', 'agendaSent'],
      ['hold', 'held'],
      ['draftMinutes', 'minutesDrafted'],
      ['approveMinutes', 'minutesApproved'],
      ['publish', 'published'],
    ];
    let status: ConversationStatus = 'draft';
    for (const [event, expected] of path) {
      status = transition(status, event);
      expect(status).toBe(expected);
    }
  });

  it('lets the school leader send an updated agenda again', () => {
    expect(transition('agendaSent', 'sendAgenda')).toBe('agendaSent');
  });

  it('can be cancelled before the meeting, not after', () => {
    expect(transition('invited', 'cancel')).toBe('cancelled');
    expect(canTransition('held', 'cancel')).toBe(false);
  });

  it('refuses publishing minutes that are not approved, as a typed error', () => {
    try {
      transition('minutesDrafted', 'publish');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('TRANSITION_NOT_ALLOWED');
      expect((error as DomainError).details).toEqual({ from: 'minutesDrafted', event: 'publish' });
    }
  });

  it('refuses sending an agenda before the invitation exists', () => {
    expect(() => transition('draft', 'sendAgenda')).toThrow(DomainError);
  });

  it('allows nothing once cancelled or published', () => {
    for (const event of ['invite', 'sendAgenda', 'hold', 'draftMinutes', 'approveMinutes', 'publish', 'cancel'] as const) {
      expect(canTransition('cancelled', event)).toBe(false);
      expect(canTransition('published', event)).toBe(false);
    }
  });
});
