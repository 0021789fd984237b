import * as z from 'zod/mini';
import { attendeeResponseSchema, conversationStatusSchema, instant, nullableString, roleSchema } from './common.js';
import { templateItemSchema } from './catalog.js';

export const deadlineSchema = z.object({
  dueAt: instant,
  status: z.enum(['pending', 'met', 'missed', 'overdue']),
  sentAt: z.nullable(instant),
});

export const conversationSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  schoolName: z.string(),
  schoolYear: z.string(),
  startsAt: instant,
  endsAt: instant,
  status: conversationStatusSchema,
  theme: z.string(),
  deadline: deadlineSchema,
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;
export const conversationListSchema = z.object({ conversations: z.array(conversationSummarySchema) });

export const sideEffectSchema = z.object({
  kind: z.enum(['invitation', 'folder', 'agenda', 'documents', 'meetingApp', 'cancellation', 'minutesFiles', 'minutesMail']),
  status: z.enum(['pending', 'done', 'retrying', 'failed']),
  errorCode: nullableString,
  attempts: z.number(),
  updatedAt: instant,
});

export const requirementSchema = z.object({
  number: z.number(),
  key: z.enum([
    'yearlyConversation',
    'rightOfInitiative',
    'municipalityTopics',
    'testResults',
    'followUp',
    'actionPlanStatus',
    'publishedNote',
  ]),
  status: z.enum(['met', 'missing', 'notApplicable']),
  reason: z.string(),
});

export const participantSchema = z.object({
  upn: z.string(),
  displayName: z.string(),
  role: roleSchema,
  response: attendeeResponseSchema,
  /** A guest from outside the municipality, invited by e-mail. */
  external: z.boolean(),
  /** Sent the Outlook invitation; false while saved to the school's part but not yet sent. */
  invited: z.boolean(),
});

export const conversationDetailsSchema = z.object({
  ...conversationSummarySchema.shape,
  municipality: z.string(),
  schoolId: z.string(),
  organizerUpn: z.string(),
  schoolLeaderUpn: z.string(),
  templateName: z.string(),
  extraTopics: z.array(z.string()),
  developmentAreas: z.string(),
  learningFocus: z.string(),
  participants: z.array(participantSchema),
  agenda: z.array(
    z.object({
      number: z.number(),
      key: z.string(),
      title: z.string(),
      goal: z.string(),
      minutes: z.number(),
      responsibleRoles: z.array(roleSchema),
      reflectionQuestions: z.array(z.string()),
      startsAt: instant,
      endsAt: instant,
    }),
  ),
  /** The agenda's items in full, for editing them. */
  items: z.array(templateItemSchema),
  links: z.object({ event: nullableString, join: nullableString, folder: nullableString, agenda: nullableString }),
  sideEffects: z.array(sideEffectSchema),
  requirements: z.array(requirementSchema),
  followUp: z.array(
    z.object({
      id: z.string(),
      what: z.string(),
      owner: z.string(),
      dueDate: nullableString,
      status: z.enum(['open', 'inProgress', 'done', 'dropped']),
      madeAt: instant,
    }),
  ),
  documents: z.array(
    z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number(), webUrl: nullableString, uploaded: z.boolean() }),
  ),
  /** The server's clock: the next step and deadlines are judged by it, not by the device's clock. */
  serverNow: instant,
  /** The signed-in person's roles in this conversation (none for a municipal lead who only oversees it). */
  viewerRoles: z.array(roleSchema),
  /** The municipality's words in the cancellation ('' when none or not cancelled). */
  cancellationMessage: z.string(),
  permissions: z.object({
    editSchoolPart: z.boolean(),
    sendAgenda: z.boolean(),
    retry: z.boolean(),
    cancel: z.boolean(),
    managePlan: z.boolean(),
    facilitate: z.boolean(),
    participant: z.boolean(),
    evaluation: z.boolean(),
    minutes: z.boolean(),
    /** Move the meeting and change time, length, theme and topics (the municipality, before the meeting). */
    changePlan: z.boolean(),
    /** Edit the agenda's items (the municipality before the meeting; the school leader until the agenda is sent). */
    editItems: z.boolean(),
    /** Answer "ikke relevant – første samtale" for requirement 5. */
    markFirstConversation: z.boolean(),
  }),
});
export type ConversationDetails = z.infer<typeof conversationDetailsSchema>;

export const meetingConversationSchema = z.object({ id: z.string() });
/** The invitation as Outlook should show it: our part of the body (before Teams' join block) and the invitees. */
export const invitationSchema = z.object({
  subject: z.string(),
  bodyHtml: z.string(),
  attendees: z.array(z.object({ address: z.string(), name: z.string() })),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const addedDocumentSchema = z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number() });
export type Deadline = z.infer<typeof deadlineSchema>;
