import type { Conversation } from './conversation.js';

/**
 * The chat messages a conversation's calendar calls for. Pure: given the
 * conversation and the clock, which prompts are due now. Each has a stable
 * key, so asking twice (every scheduler tick) sends once.
 */
export type ScheduledPromptKind = 'deadlineReminder' | 'preparation' | 'evaluation';

export interface DuePrompt {
  kind: ScheduledPromptKind;
  key: string;
  /** Who gets it (UPNs). */
  recipients: string[];
  /** For reminders: days left until the meeting when it was due. */
  daysBefore?: number;
}

export interface ChatScheduleSettings {
  reminderDaysBefore: number[];
  preparationDaysBefore: number;
}

export const defaultChatSchedule: ChatScheduleSettings = { reminderDaysBefore: [10, 7], preparationDaysBefore: 2 };

const dayMs = 24 * 60 * 60_000;
const activeBeforeMeeting = new Set(['draft', 'invited', 'agendaSent']);

export function duePrompts(conversation: Conversation, now: Date, settings: ChatScheduleSettings = defaultChatSchedule): DuePrompt[] {
  const due: DuePrompt[] = [];
  const untilStart = conversation.startsAt.getTime() - now.getTime();
  // Guests from outside the tenant have no Teams chat with the bot; those who declined are not coming.
  const present = conversation.participants.filter((p) => p.response !== 'declined' && !p.external).map((p) => p.upn);

  // Only the latest reminder that is due: a conversation planned 8 days ahead gets the 7-day one, not both.
  if (['draft', 'invited'].includes(conversation.status) && conversation.agendaSentAt === null && untilStart > 0) {
    const dueDays = settings.reminderDaysBefore.filter((days) => untilStart <= days * dayMs).sort((a, b) => a - b)[0];
    if (dueDays !== undefined) {
      due.push({
        kind: 'deadlineReminder',
        key: `reminder:${conversation.id}:${dueDays}`,
        recipients: [conversation.schoolLeaderUpn],
        daysBefore: dueDays,
      });
    }
  }

  // Preparation follows the agenda (and its welcome card): before the agenda is sent there is nothing to prepare from.
  if (
    activeBeforeMeeting.has(conversation.status) &&
    conversation.agendaSentAt !== null &&
    untilStart > 0 &&
    untilStart <= settings.preparationDaysBefore * dayMs
  ) {
    const hasQuestions = conversation.template.items.some((i) => i.preparationQuestions.length > 0);
    if (hasQuestions) due.push({ kind: 'preparation', key: `preparation:${conversation.id}`, recipients: present });
  }

  const ended = now.getTime() >= conversation.endsAt.getTime();
  if (ended && ['agendaSent', 'invited', 'held', 'minutesDrafted'].includes(conversation.status)) {
    due.push({ kind: 'evaluation', key: `evaluation:${conversation.id}`, recipients: present });
  }
  return due;
}
