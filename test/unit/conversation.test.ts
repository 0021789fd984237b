import { describe, expect, it } from 'vitest';
import {
  describeSchoolPart,
  markInvited,
  planConversation,
  replaceInvitedParticipants,
  sendAgenda,
} from '../../src/domain/conversation.js';
import { DomainError } from '../../src/domain/errors.js';
import { meetingStart, now, planInput, plannedConversation, seedTemplate } from '../support/factories.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return null;
};

describe('planning a conversation', () => {
  it('starts as a draft with the municipal lead organising and the school leader invited', () => {
    const c = plannedConversation();
    expect(c.status).toBe('draft');
    expect(c.participants.map((p) => [p.role, p.response])).toEqual([
      ['municipalLead', 'organizer'],
      ['schoolLeader', 'none'],
    ]);
    expect(c.schoolYear).toBe('2026/27');
  });

  it('refuses a meeting in the past', () => {
    expect(
      code(() =>
        planConversation(planInput({ startsAt: new Date('2026-01-01T08:00:00Z'), endsAt: new Date('2026-01-01T10:00:00Z') }), now),
      ),
    ).toBe('MEETING_IN_PAST');
  });

  it('refuses a meeting that ends before it starts', () => {
    expect(code(() => planConversation(planInput({ endsAt: new Date(meetingStart.getTime() - 60_000) }), now))).toBe(
      'MEETING_END_BEFORE_START',
    );
  });

  it('refuses an agenda that does not fill the meeting, and accepts adjusted minutes that do', () => {
    const holbaek = seedTemplate('holbaek-2024');
    const twoHours = { template: holbaek, endsAt: new Date(meetingStart.getTime() + 120 * 60_000) };
    expect(code(() => planConversation(planInput(twoHours), now))).toBe('AGENDA_TIME_MISMATCH');
    const adjusted = planConversation(planInput({ ...twoHours, itemMinutes: { reflection: 55 } }), now);
    expect(adjusted.template.items.find((i) => i.key === 'reflection')?.minutes).toBe(55);
  });
});

describe('the school leader’s part', () => {
  it('cannot send the agenda before development areas and learning focus are described', () => {
    const invited = markInvited(plannedConversation());
    try {
      sendAgenda(invited, now);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('SCHOOL_PART_INCOMPLETE');
      expect((error as DomainError).details).toEqual({ missing: ['developmentAreas', 'learningFocus'] });
    }
  });

  it('sends the agenda and keeps the first sending time for the deadline', () => {
    const described = describeSchoolPart(markInvited(plannedConversation()), 'Pauser', 'Hvordan bliver frikvarteret et læringsrum?');
    const first = sendAgenda(described, now);
    const later = sendAgenda(first, new Date(now.getTime() + 86_400_000));
    expect(first.status).toBe('agendaSent');
    expect(later.agendaSentAt).toEqual(now);
  });

  it('keeps the municipal lead and school leader when invitees are replaced, and keeps known answers', () => {
    const base = replaceInvitedParticipants(plannedConversation(), [
      { upn: 'peter.lind@sohavn.example', displayName: 'Peter Lind', role: 'participant' },
    ]);
    const answered = {
      ...base,
      participants: base.participants.map((p) => (p.upn.startsWith('peter') ? { ...p, response: 'accepted' as const } : p)),
    };
    const next = replaceInvitedParticipants(answered, [
      { upn: 'Peter.Lind@sohavn.example', displayName: 'Peter Lind', role: 'minuteTaker' },
      { upn: 'jonas.kjaer@sohavn.example', displayName: 'Jonas Kjær', role: 'facilitator' },
    ]);
    expect(next.participants.map((p) => [p.role, p.response])).toEqual([
      ['municipalLead', 'organizer'],
      ['schoolLeader', 'none'],
      ['minuteTaker', 'accepted'],
      ['facilitator', 'none'],
    ]);
  });

  it('refuses inviting the same person twice', () => {
    expect(
      code(() =>
        replaceInvitedParticipants(plannedConversation(), [{ upn: 'anders.holm@sohavn.example', displayName: 'A', role: 'participant' }]),
      ),
    ).toBe('PARTICIPANT_DUPLICATE');
  });
});
