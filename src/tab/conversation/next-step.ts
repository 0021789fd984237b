import type { ConversationDetails } from '../../api/conversation.js';

/** Where on the conversation page a next step points to. */
export type Section = 'schoolPart' | 'preparation' | 'reflection' | 'evaluation' | 'followUp' | 'minutes' | 'join';

export interface NextStep {
  /** Text key under conversation.next.* */
  key: string;
  /** The section to open the page on, or the link to follow. */
  section: Section | null;
  /** For the deadline sentences: which date to show. */
  date?: string;
}

/** The cycle as the stepper shows it; a status sits on one of these. */
export const cycleSteps = ['planned', 'agendaSent', 'held', 'minutesApproved', 'published'] as const;
export type CycleStep = (typeof cycleSteps)[number];

const stepOfStatus: Record<Exclude<ConversationDetails['status'], 'cancelled'>, number> = {
  draft: 0,
  invited: 0,
  agendaSent: 1,
  held: 2,
  minutesDrafted: 2,
  minutesApproved: 3,
  published: 4,
};

/** The stepper's current step (-1 for a cancelled conversation: no step applies). */
export const currentStep = (c: Pick<ConversationDetails, 'status'>): number => (c.status === 'cancelled' ? -1 : stepOfStatus[c.status]);

/**
 * What this person should do now, from their roles, the permissions the
 * server gave and the time. The school leader starts with the school's part;
 * the minute taker learns when the minutes open; the facilitator runs the
 * rounds during the meeting; everyone evaluates afterwards.
 */
export function nextStep(c: ConversationDetails, now: Date): NextStep | null {
  if (c.status === 'cancelled') return null;
  const roles = new Set(c.viewerRoles);
  const isLeader = roles.has('schoolLeader');
  const isLead = roles.has('municipalLead') || (c.permissions.changePlan && roles.size === 0);
  const writesMinutes = roles.has('minuteTaker') || isLeader;
  const started = now.getTime() >= Date.parse(c.startsAt);
  const ended = now.getTime() >= Date.parse(c.endsAt);
  const agendaSent = c.deadline.sentAt !== null;

  if (c.status === 'published') {
    const website = c.requirements.find((r) => r.key === 'publishedNote');
    if (isLeader && website?.status === 'missing') return { key: 'recordWebsite', section: 'minutes' };
    return { key: 'done', section: c.followUp.length > 0 ? 'followUp' : null };
  }
  if (c.status === 'minutesApproved') return { key: 'minutesApproved', section: c.permissions.minutes ? 'minutes' : null };

  if (!started) {
    if (isLeader && !agendaSent) return { key: 'leaderSchoolPart', section: 'schoolPart', date: c.deadline.dueAt };
    if (isLead && !agendaSent) {
      return { key: c.deadline.status === 'overdue' ? 'leadWaitingOverdue' : 'leadWaiting', section: null, date: c.deadline.dueAt };
    }
    if (roles.has('minuteTaker')) return { key: 'minuteTakerBefore', section: 'preparation', date: c.startsAt };
    if (roles.has('facilitator')) return { key: 'facilitatorBefore', section: 'reflection' };
    if (c.permissions.participant) return { key: agendaSent ? 'prepare' : 'waitForAgenda', section: agendaSent ? 'preparation' : null };
    return { key: 'leadWaitingMeeting', section: null, date: c.startsAt };
  }
  if (!ended && c.status !== 'held' && c.status !== 'minutesDrafted') {
    if (c.permissions.facilitate && (roles.has('facilitator') || isLeader)) return { key: 'facilitatorDuring', section: 'reflection' };
    if (roles.has('minuteTaker')) return { key: 'minuteTakerDuring', section: 'minutes' };
    return { key: 'join', section: c.links.join ? 'join' : null };
  }
  if (writesMinutes && c.permissions.minutes) return { key: isLeader ? 'leaderMinutes' : 'minuteTakerAfter', section: 'minutes' };
  if (c.permissions.participant) return { key: 'evaluate', section: 'evaluation' };
  return { key: 'waitForMinutes', section: null };
}
