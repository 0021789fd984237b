import { describe, expect, it } from 'vitest';
import type { ConversationDetails } from '../../src/api/conversation.js';
import { currentStep, nextStep } from '../../src/tab/conversation/next-step.js';

/** A conversation as the API presents it, before the meeting, agenda not sent. */
const base = (over: Partial<ConversationDetails> = {}): ConversationDetails =>
  ({
    id: 'c1',
    status: 'invited',
    startsAt: '2027-03-10T08:00:00Z',
    endsAt: '2027-03-10T10:00:00Z',
    deadline: { dueAt: '2027-03-03T08:00:00Z', status: 'pending', sentAt: null },
    viewerRoles: [],
    requirements: [],
    followUp: [],
    links: { event: null, join: 'https://teams.example/join', folder: null, agenda: null },
    permissions: {
      editSchoolPart: false,
      sendAgenda: false,
      retry: false,
      cancel: false,
      managePlan: false,
      facilitate: false,
      participant: true,
      evaluation: false,
      minutes: false,
      changePlan: false,
      editItems: false,
      markFirstConversation: false,
    },
    ...over,
  }) as ConversationDetails;

const before = new Date('2027-02-20T10:00:00Z');
const during = new Date('2027-03-10T08:30:00Z');
const after = new Date('2027-03-10T11:00:00Z');
const sent = { dueAt: '2027-03-03T08:00:00Z', status: 'met' as const, sentAt: '2027-02-25T08:00:00Z' };

describe('the next step for each role', () => {
  it('sends the school leader to the school’s part, with the deadline, until the agenda is sent', () => {
    expect(nextStep(base({ viewerRoles: ['schoolLeader'] }), before)).toEqual({
      key: 'leaderSchoolPart',
      section: 'schoolPart',
      date: '2027-03-03T08:00:00Z',
    });
    expect(nextStep(base({ viewerRoles: ['schoolLeader'], status: 'agendaSent', deadline: sent }), before)?.section).toBe('preparation');
  });

  it('tells the municipal lead they wait, and when the deadline has passed', () => {
    const lead = { viewerRoles: ['municipalLead' as const], permissions: { ...base().permissions, changePlan: true } };
    expect(nextStep(base(lead), before)?.key).toBe('leadWaiting');
    expect(nextStep(base({ ...lead, deadline: { ...base().deadline, status: 'overdue' } }), before)?.key).toBe('leadWaitingOverdue');
  });

  it('tells the minute taker when the minutes open, and sends them there during and after the meeting', () => {
    const taker = { viewerRoles: ['minuteTaker' as const], status: 'agendaSent' as const, deadline: sent };
    expect(nextStep(base(taker), before)).toMatchObject({ key: 'minuteTakerBefore', date: '2027-03-10T08:00:00Z' });
    expect(nextStep(base(taker), during)).toMatchObject({ key: 'minuteTakerDuring', section: 'minutes' });
    expect(nextStep(base({ ...taker, status: 'held', permissions: { ...base().permissions, minutes: true } }), after)).toMatchObject({
      key: 'minuteTakerAfter',
      section: 'minutes',
    });
  });

  it('gives the facilitator the rounds during the meeting, and other participants the join link', () => {
    const facilitating = { ...base().permissions, facilitate: true };
    expect(
      nextStep(base({ viewerRoles: ['facilitator'], status: 'agendaSent', deadline: sent, permissions: facilitating }), during),
    ).toMatchObject({ key: 'facilitatorDuring', section: 'reflection' });
    expect(nextStep(base({ viewerRoles: ['boardMember'], status: 'agendaSent', deadline: sent }), during)).toMatchObject({
      key: 'join',
      section: 'join',
    });
  });

  it('asks a participant to prepare once the agenda is sent, and to evaluate after the meeting', () => {
    expect(nextStep(base({ viewerRoles: ['pupilRepresentative'] }), before)?.key).toBe('waitForAgenda');
    expect(nextStep(base({ viewerRoles: ['pupilRepresentative'], status: 'agendaSent', deadline: sent }), before)?.key).toBe('prepare');
    expect(nextStep(base({ viewerRoles: ['pupilRepresentative'], status: 'held', deadline: sent }), after)).toMatchObject({
      key: 'evaluate',
      section: 'evaluation',
    });
  });

  it('asks the school leader for the website address once the note is published, and has no step for a cancelled one', () => {
    const published = base({
      viewerRoles: ['schoolLeader'],
      status: 'published',
      requirements: [{ number: 7, key: 'publishedNote', status: 'missing', reason: 'websiteNotRecorded' }],
    });
    expect(nextStep(published, after)?.key).toBe('recordWebsite');
    expect(nextStep(base({ status: 'cancelled' }), before)).toBeNull();
  });

  it('places each status on the stepper', () => {
    expect(
      ['draft', 'invited', 'agendaSent', 'held', 'minutesDrafted', 'minutesApproved', 'published', 'cancelled'].map((status) =>
        currentStep({ status: status as ConversationDetails['status'] }),
      ),
    ).toEqual([0, 0, 1, 2, 2, 3, 4, -1]);
  });
});
