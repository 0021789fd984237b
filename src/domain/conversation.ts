import { z } from 'zod';
import { roleSchema, type Role } from './roles.js';
import { conversationStatusSchema, transition, type ConversationStatus } from './conversation-lifecycle.js';
import { assertAgendaFillsMeeting, assertItemKeysUnique, type Template, type TemplateItem } from './template.js';
import { adjustItemMinutes } from './agenda-timing.js';
import { assertPlannableTime, meetingMinutes } from './meeting-time.js';
import { schoolYearOf } from './school-year.js';
import { DomainError } from './errors.js';

/** Graph's attendee response values (graph.responseType), kept as Graph spells them. */
export const attendeeResponseSchema = z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']);
export type AttendeeResponse = z.infer<typeof attendeeResponseSchema>;

export const participantSchema = z.object({
  upn: z.string(),
  displayName: z.string(),
  role: roleSchema,
  response: attendeeResponseSchema,
  /** A guest from outside the municipality's tenant, invited by e-mail (an outside consultant). */
  external: z.boolean().default(false),
  /** Sent the Outlook invitation: the municipality's and the school leader's from the plan, the others' with "Send dagsorden". */
  invited: z.boolean().default(false),
});
export type Participant = z.infer<typeof participantSchema>;

export interface ConversationDocument {
  id: string;
  fileName: string;
  sizeBytes: number;
  webUrl: string | null;
}

export interface Conversation {
  id: string;
  municipality: string;
  schoolId: string;
  schoolName: string;
  schoolYear: string;
  organizerUpn: string;
  schoolLeaderUpn: string;
  template: Template;
  theme: string;
  extraTopics: string[];
  startsAt: Date;
  endsAt: Date;
  status: ConversationStatus;
  developmentAreas: string;
  learningFocus: string;
  agendaSentAt: Date | null;
  participants: Participant[];
  /** The school's first development conversation: there is nothing earlier to follow up (§ 40 a, requirement 5). */
  firstConversation: boolean;
  /** The municipality's words to the participants in Outlook's cancellation ('' for none). */
  cancellationMessage: string;
}

export interface PlanInput {
  id: string;
  municipality: string;
  school: { id: string; name: string; leaderUpn: string; leaderName: string };
  organizer: { upn: string; displayName: string };
  template: Template;
  /** Item minutes as the organiser adjusted them in the preview, by item key. */
  itemMinutes?: Record<string, number>;
  /** The agenda's items as the organiser edited them (added, renamed, removed, reordered); the template's when absent. */
  items?: TemplateItem[];
  theme: string;
  extraTopics: string[];
  startsAt: Date;
  endsAt: Date;
  /** The municipality's facilitator, when the municipality plans them in (the season planner). */
  facilitator?: { upn: string; displayName: string };
}

export function planConversation(input: PlanInput, now: Date): Conversation {
  assertPlannableTime(now, input.startsAt, input.endsAt);
  const items = adjustItemMinutes(input.items ?? input.template.items, input.itemMinutes);
  assertItemKeysUnique(items);
  assertAgendaFillsMeeting(items, meetingMinutes(input.startsAt, input.endsAt));
  return {
    id: input.id,
    municipality: input.municipality,
    schoolId: input.school.id,
    schoolName: input.school.name,
    schoolYear: schoolYearOf(input.startsAt),
    organizerUpn: input.organizer.upn,
    schoolLeaderUpn: input.school.leaderUpn,
    template: { ...input.template, items },
    theme: input.theme,
    extraTopics: input.extraTopics,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    status: 'draft',
    developmentAreas: '',
    learningFocus: '',
    agendaSentAt: null,
    firstConversation: false,
    cancellationMessage: '',
    participants: [
      {
        upn: input.organizer.upn,
        displayName: input.organizer.displayName,
        role: 'municipalLead',
        response: 'organizer',
        external: false,
        invited: true,
      },
      {
        upn: input.school.leaderUpn,
        displayName: input.school.leaderName,
        role: 'schoolLeader',
        response: 'none',
        external: false,
        invited: true,
      },
      ...(input.facilitator
        ? [{ ...input.facilitator, role: 'facilitator' as const, response: 'none' as const, external: false, invited: true }]
        : []),
    ],
  };
}

/** The school leader's right of initiative: development areas and the learning-focus question. */
export function describeSchoolPart(conversation: Conversation, developmentAreas: string, learningFocus: string): Conversation {
  if (conversation.status === 'cancelled' || conversation.status === 'published') {
    throw new DomainError('TRANSITION_NOT_ALLOWED', { from: conversation.status, event: 'describeSchoolPart' });
  }
  return { ...conversation, developmentAreas, learningFocus };
}

/**
 * The school leader's invitees. The municipal lead and the school leader are
 * always there and keep their roles; the list given replaces everybody else.
 */
export function replaceInvitedParticipants(
  conversation: Conversation,
  invited: readonly { upn: string; displayName: string; role: Role; external?: boolean }[],
): Conversation {
  const fixed = conversation.participants.filter((p) => p.role === 'municipalLead' || p.role === 'schoolLeader');
  const seen = new Set(fixed.map((p) => p.upn.toLowerCase()));
  const kept = new Map(conversation.participants.map((p) => [p.upn.toLowerCase(), p]));
  const added: Participant[] = [];
  for (const person of invited) {
    const key = person.upn.toLowerCase();
    if (seen.has(key)) throw new DomainError('PARTICIPANT_DUPLICATE', { upn: person.upn });
    seen.add(key);
    const earlier = kept.get(key);
    added.push({
      upn: person.upn,
      displayName: person.displayName,
      role: person.role,
      response: earlier?.response ?? 'none',
      external: person.external ?? false,
      invited: earlier?.invited ?? false,
    });
  }
  return { ...conversation, participants: [...fixed, ...added] };
}

export function sendAgenda(conversation: Conversation, now: Date): Conversation {
  const missing = [
    conversation.developmentAreas.trim() ? null : 'developmentAreas',
    conversation.learningFocus.trim() ? null : 'learningFocus',
  ].filter((field): field is string => field !== null);
  if (missing.length > 0) throw new DomainError('SCHOOL_PART_INCOMPLETE', { missing });
  return {
    ...conversation,
    status: transition(conversation.status, 'sendAgenda'),
    // The deadline is judged by the first sending; later updates keep it.
    agendaSentAt: conversation.agendaSentAt ?? now,
    participants: conversation.participants.map((p) => ({ ...p, invited: true })),
  };
}

/** Cancelling is possible until the meeting is held; the Outlook event is cancelled for everyone. */
/** Cancelled, with an optional message to the participants (kept for Outlook's cancellation). */
export const cancelConversation = (conversation: Conversation, message = ''): Conversation => ({
  ...conversation,
  status: transition(conversation.status, 'cancel'),
  cancellationMessage: message.trim(),
});

/** The meeting took place (Teams reported its end, or minutes were begun). */
export const markHeld = (conversation: Conversation): Conversation => ({
  ...conversation,
  status: transition(conversation.status, 'hold'),
});

export const markInvited = (conversation: Conversation): Conversation =>
  conversation.status === 'draft' ? { ...conversation, status: transition('draft', 'invite') } : conversation;

export { conversationStatusSchema };

/** What the municipality may change in a planned conversation: when, how long, the theme and topics, the items. */
export interface PlanChanges {
  startsAt: Date;
  endsAt: Date;
  theme: string;
  extraTopics: string[];
  items: TemplateItem[];
}

/** A conversation can be moved and its agenda edited until the meeting begins (and not once it is cancelled). */
const editable = new Set<ConversationStatus>(['draft', 'invited', 'agendaSent']);

/**
 * Moves or edits a planned conversation. The same rules as planning: a future
 * time, an end after the start, items that fill the meeting exactly. The
 * school leader's part, the participants and the agenda's sending stay.
 */
export function changePlan(conversation: Conversation, changes: PlanChanges, now: Date): Conversation {
  if (!editable.has(conversation.status) || now.getTime() >= conversation.startsAt.getTime()) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', { from: conversation.status, event: 'changePlan' });
  }
  assertPlannableTime(now, changes.startsAt, changes.endsAt);
  assertItemKeysUnique(changes.items);
  assertAgendaFillsMeeting(changes.items, meetingMinutes(changes.startsAt, changes.endsAt));
  return {
    ...conversation,
    startsAt: changes.startsAt,
    endsAt: changes.endsAt,
    schoolYear: schoolYearOf(changes.startsAt),
    theme: changes.theme,
    extraTopics: changes.extraTopics,
    template: { ...conversation.template, items: changes.items },
  };
}

/** The agenda's items can be edited until the agenda is sent (the school leader's part of editing). */
export function assertItemsEditable(conversation: Conversation): void {
  if (conversation.agendaSentAt !== null || !editable.has(conversation.status)) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', { from: conversation.status, event: 'editItems' });
  }
}

/** The school leader (or the municipality) says this is the school's first conversation: requirement 5 does not apply. */
export const markFirstConversation = (conversation: Conversation, first: boolean): Conversation => ({
  ...conversation,
  firstConversation: first,
});
