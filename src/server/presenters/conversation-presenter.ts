import type { ConversationDetails as Details } from '../../app/conversation/view-conversation.js';
import type { ConversationDetails, ConversationSummary } from '../../api/conversation.js';
import type { StoredConversation } from '../../app/conversation/list-conversations.js';
import { agendaDeadline } from '../../domain/agenda-deadline.js';
import { timeAgenda } from '../../domain/agenda-timing.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { canTransition } from '../../domain/conversation-lifecycle.js';

/** The list row the tab shows; the database's shape never leaves the server. */
export function presentConversationSummary({ conversation, version }: StoredConversation, now: Date): ConversationSummary {
  return {
    id: conversation.id,
    version,
    schoolName: conversation.schoolName,
    schoolYear: conversation.schoolYear,
    startsAt: conversation.startsAt.toISOString(),
    endsAt: conversation.endsAt.toISOString(),
    status: conversation.status,
    theme: conversation.theme,
    deadline: presentDeadline(conversation.startsAt, conversation.agendaSentAt, now),
  };
}

const presentDeadline = (startsAt: Date, sentAt: Date | null, now: Date) => {
  const d = agendaDeadline(startsAt, sentAt, now);
  return { dueAt: d.dueAt.toISOString(), status: d.status, sentAt: sentAt?.toISOString() ?? null };
};

export function presentConversation(details: Details, actor: Actor, now: Date): ConversationDetails {
  const { conversation, version } = details.stored;
  const beforeMeeting = ['draft', 'invited', 'agendaSent'].includes(conversation.status) && now.getTime() < conversation.startsAt.getTime();
  return {
    ...presentConversationSummary(details.stored, now),
    municipality: conversation.municipality,
    schoolId: conversation.schoolId,
    organizerUpn: conversation.organizerUpn,
    schoolLeaderUpn: conversation.schoolLeaderUpn,
    templateName: conversation.template.name,
    extraTopics: conversation.extraTopics,
    developmentAreas: conversation.developmentAreas,
    learningFocus: conversation.learningFocus,
    participants: conversation.participants,
    agenda: timeAgenda(conversation.template.items, conversation.startsAt).map(({ item, number, startsAt, endsAt }) => ({
      number,
      key: item.key,
      title: item.title,
      goal: item.goal,
      minutes: item.minutes,
      responsibleRoles: item.responsibleRoles,
      reflectionQuestions: item.reflectionQuestions,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    })),
    items: conversation.template.items,
    links: {
      event: details.links.eventWebLink,
      join: details.links.joinUrl,
      folder: details.links.folderWebUrl,
      agenda: details.links.agendaWebUrl,
    },
    sideEffects: details.sideEffects.map((s) => ({
      kind: s.kind,
      status: s.status,
      errorCode: s.errorCode,
      attempts: s.attempts,
      updatedAt: s.updatedAt.toISOString(),
    })),
    requirements: details.requirements,
    followUp: details.followUp.map((a) => ({
      id: a.id,
      what: a.what,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      madeAt: a.madeAt.toISOString(),
    })),
    documents: details.documents.map((d) => ({
      id: d.id,
      fileName: d.fileName,
      sizeBytes: d.sizeBytes,
      webUrl: d.webUrl,
      uploaded: d.webUrl !== null,
    })),
    serverNow: now.toISOString(),
    viewerRoles: conversation.participants.filter((p) => p.upn.toLowerCase() === actor.upn.toLowerCase()).map((p) => p.role),
    cancellationMessage: conversation.cancellationMessage,
    permissions: {
      editSchoolPart:
        conversationPolicy.canEditSchoolPart(actor, conversation) && !['cancelled', 'published'].includes(conversation.status),
      sendAgenda: conversationPolicy.canEditSchoolPart(actor, conversation) && canTransition(conversation.status, 'sendAgenda'),
      retry: conversationPolicy.canRetrySideEffects(actor, conversation),
      cancel: conversationPolicy.canCancel(actor) && canTransition(conversation.status, 'cancel'),
      managePlan: actor.isMunicipalLead || conversationPolicy.canEditSchoolPart(actor, conversation),
      facilitate: conversationPolicy.canFacilitate(actor, conversation) && ['invited', 'agendaSent', 'held'].includes(conversation.status),
      participant: conversationPolicy.isParticipant(actor, conversation),
      // The evaluation's results are shown once the meeting has begun, by the server's clock.
      evaluation: now.getTime() >= conversation.startsAt.getTime() && conversation.status !== 'cancelled',
      // Minutes open once the meeting has started (by the server's clock) and stay readable after.
      minutes: now.getTime() >= conversation.startsAt.getTime() && conversation.status !== 'cancelled',
      changePlan: conversationPolicy.canPlan(actor) && beforeMeeting,
      editItems:
        (conversationPolicy.canPlan(actor) && beforeMeeting) ||
        (conversationPolicy.canEditSchoolPart(actor, conversation) && beforeMeeting && conversation.agendaSentAt === null),
      markFirstConversation:
        (conversationPolicy.canPlan(actor) || conversationPolicy.canEditSchoolPart(actor, conversation)) &&
        !['cancelled', 'published'].includes(conversation.status) &&
        details.requirements.some(
          (r) => r.key === 'followUp' && (r.reason === 'noFollowUpItemMaybeFirst' || r.reason === 'firstConversation'),
        ),
    },
    version,
  };
}
