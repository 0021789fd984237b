import type { Conversation } from '../domain/conversation.js';
import { timeAgenda } from '../domain/agenda-timing.js';
import { agendaDeadline } from '../domain/agenda-deadline.js';
import { fitProcessTimings } from '../domain/process-timings.js';
import { serverTexts, interpolate } from '../i18n/messages.js';
import type { FollowUpAgreement } from '../domain/follow-up.js';

const texts = serverTexts.da;

const dateFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const clockFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const clock = (d: Date) => clockFormat.format(d).replace('.', ':');

export interface AgendaViewItem {
  number: number;
  clock: string;
  minutesText: string;
  title: string;
  goal: string;
  responsible: string;
  process: string;
  /** "Skoleleder: Hvad …?": each question with who prepares it. */
  preparationQuestions: string[];
  /** What the data package holds for this item: headings, not questions. */
  dataPackage: string[];
  reflectionHeading: string;
  reflectionQuestions: string[];
  minutesPrompt: string;
  extraTopics: string[];
  /** "Legepatrulje – Skoleleder – i gang", under the item that follows up earlier conversations. */
  followUpAgreements: string[];
}

export interface AgendaView {
  title: string;
  municipality: string;
  schoolName: string;
  schoolYear: string;
  dateText: string;
  timeText: string;
  theme: string;
  extraTopics: string[];
  purpose: string;
  goals: string[];
  developmentAreas: string;
  learningFocus: string;
  participants: { name: string; role: string }[];
  items: AgendaViewItem[];
  documents: { name: string; url: string | null }[];
  agendaUrl: string | null;
  joinUrl: string | null;
  deadlineText: string;
}

export interface AgendaLinks {
  documents: { name: string; url: string | null }[];
  agendaUrl: string | null;
  joinUrl: string | null;
  /** Agreements from the school's earlier conversations, with where they stand. */
  followUp?: readonly Pick<FollowUpAgreement, 'what' | 'owner' | 'status'>[];
  /** When the agenda is drawn: a deadline already passed is not promised. */
  drawnAt?: Date;
}

/**
 * The sentence about the agenda's deadline: the date while it lies ahead,
 * "as soon as possible" once it has passed, nothing once the agenda is sent
 * (the invitation then carries the agenda itself).
 */
function deadlineSentence(conversation: Conversation, drawnAt: Date | undefined): string {
  if (conversation.agendaSentAt) return '';
  const deadline = agendaDeadline(conversation.startsAt, null, conversation.startsAt);
  if (drawnAt && drawnAt.getTime() >= deadline.dueAt.getTime()) return texts.documents.deadlinePassed;
  return interpolate(texts.documents.deadline, { date: dateFormat.format(deadline.dueAt) });
}

/** Everything the agenda shows, in Danish, computed once for both the .docx and the invitation body. */
export function buildAgendaView(conversation: Conversation, links: AgendaLinks): AgendaView {
  const timed = timeAgenda(conversation.template.items, conversation.startsAt);
  return {
    title: texts.documents.agendaTitle,
    municipality: conversation.municipality,
    schoolName: conversation.schoolName,
    schoolYear: conversation.schoolYear,
    dateText: dateFormat.format(conversation.startsAt),
    timeText: `${clock(conversation.startsAt)}–${clock(conversation.endsAt)}`,
    theme: conversation.theme,
    extraTopics: conversation.extraTopics,
    purpose: conversation.template.purpose,
    goals: conversation.template.goals,
    developmentAreas: conversation.developmentAreas,
    learningFocus: conversation.learningFocus,
    participants: conversation.participants.map((p) => ({ name: p.displayName, role: texts.roles[p.role] })),
    items: timed.map(({ item, number, startsAt, endsAt }) => ({
      number,
      clock: `${clock(startsAt)}–${clock(endsAt)}`,
      minutesText: interpolate(texts.documents.minutes, { minutes: item.minutes }),
      title: item.title,
      goal: item.goal,
      responsible: item.responsibleRoles.map((role) => texts.roles[role]).join(', '),
      process: fitProcessTimings(item.process, item.minutes),
      preparationQuestions: item.preparationQuestions
        .filter((q) => q.kind === 'question')
        .map((q) => `${q.for.map((role) => texts.roles[role]).join(', ')}: ${q.text}`),
      dataPackage: item.preparationQuestions.filter((q) => q.kind === 'data').map((q) => q.text),
      reflectionHeading: item.reflectionMinutes
        ? interpolate(texts.documents.reflection, { minutes: item.reflectionMinutes })
        : texts.documents.reflectionNoTime,
      reflectionQuestions: item.reflectionQuestions,
      minutesPrompt: item.minutesPrompt,
      // The municipality's own topics belong where the municipality frames the meeting.
      extraTopics: item.covers.includes('municipalityTopics') ? conversation.extraTopics : [],
      followUpAgreements: item.covers.includes('followUp')
        ? (links.followUp ?? []).map((a) => `${a.what} – ${a.owner} – ${texts.documents.agreementStatus[a.status]}`)
        : [],
    })),
    documents: links.documents,
    agendaUrl: links.agendaUrl,
    joinUrl: links.joinUrl,
    deadlineText: deadlineSentence(conversation, links.drawnAt),
  };
}
