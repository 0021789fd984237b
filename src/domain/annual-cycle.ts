import { agendaDeadline } from './agenda-deadline.js';
import type { Conversation } from './conversation.js';
import { schoolYearDates } from './school-year.js';
import { fromCopenhagenWallClock } from './copenhagen-time.js';

/** The municipality's year around the conversations (its organisation file says when each phase is). */
export type PhaseKey = 'preparation' | 'conversations' | 'followUp' | 'politicalBriefing';

export interface Phase {
  key: PhaseKey;
  /** Copenhagen dates, inclusive. */
  from: string;
  to: string;
  state: 'done' | 'current' | 'upcoming';
}

/** "10-01" in the school year 2026/27 → "2026-10-01"; months before August belong to the second calendar year. */
const dateIn = (schoolYear: string, monthDay: string) => {
  const start = Number(schoolYearDates(schoolYear).from.slice(0, 4));
  return `${Number(monthDay.slice(0, 2)) >= 8 ? start : start + 1}-${monthDay}`;
};

export function phasesOf(schoolYear: string, cycle: readonly { key: PhaseKey; from: string; to: string }[], today: string): Phase[] {
  return cycle.map((p) => {
    const from = dateIn(schoolYear, p.from);
    const to = dateIn(schoolYear, p.to);
    return { key: p.key, from, to, state: today > to ? 'done' : today >= from ? 'current' : 'upcoming' };
  });
}

/** What the municipality is waiting for from a school, with when it was due. */
export type Overdue =
  | { kind: 'noConversation'; dueAt: string }
  | { kind: 'agendaLate'; dueAt: string }
  | { kind: 'minutesLate'; dueAt: string }
  | { kind: 'noteNotLinked'; dueAt: string };

export interface SchoolFacts {
  conversation: Conversation | null;
  minutesApprovedAt: Date | null;
  websiteUrl: string | null;
  requirementsMet: number;
  evaluationResponses: number;
}

const held = new Set(['held', 'minutesDrafted', 'minutesApproved', 'published']);
const days = (n: number) => n * 86_400_000;

/**
 * What is overdue for one school in the year: no conversation once the
 * conversations phase is over; the agenda after its deadline (7 days
 * before); the minutes two weeks after the meeting; the note not linked
 * from the website two weeks after it was published.
 */
export function overdueFor(facts: SchoolFacts, phases: readonly Phase[], now: Date): Overdue[] {
  const c = facts.conversation;
  if (!c || c.status === 'cancelled') {
    const conversations = phases.find((p) => p.key === 'conversations');
    if (!conversations) return [];
    const end = fromCopenhagenWallClock(`${conversations.to}T23:59`);
    return now > end ? [{ kind: 'noConversation', dueAt: end.toISOString() }] : [];
  }
  const overdue: Overdue[] = [];
  const deadline = agendaDeadline(c.startsAt, c.agendaSentAt, now);
  if (!c.agendaSentAt && now > deadline.dueAt) overdue.push({ kind: 'agendaLate', dueAt: deadline.dueAt.toISOString() });
  const minutesDue = new Date(c.endsAt.getTime() + days(14));
  if ((held.has(c.status) || now > c.endsAt) && !facts.minutesApprovedAt && now > minutesDue)
    overdue.push({ kind: 'minutesLate', dueAt: minutesDue.toISOString() });
  if (c.status === 'published' && facts.minutesApprovedAt && !facts.websiteUrl) {
    const linkDue = new Date(facts.minutesApprovedAt.getTime() + days(14));
    if (now > linkDue) overdue.push({ kind: 'noteNotLinked', dueAt: linkDue.toISOString() });
  }
  return overdue;
}
