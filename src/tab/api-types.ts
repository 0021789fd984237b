import type { Template } from '../domain/template.js';
import type { Role } from '../domain/roles.js';
import type { ConversationStatus } from '../domain/conversation-lifecycle.js';

export interface Me {
  upn: string;
  displayName: string;
  isMunicipalLead: boolean;
  mode: 'local' | 'm365';
}

export interface Catalog {
  municipality: string;
  defaultTheme: string;
  schools: { id: string; name: string; leaderUpn: string }[];
  templates: (Template & { totalMinutes: number })[];
}

export interface Deadline {
  dueAt: string;
  status: 'pending' | 'met' | 'missed' | 'overdue';
  sentAt: string | null;
}

export interface ConversationSummary {
  id: string;
  version: number;
  schoolName: string;
  schoolYear: string;
  startsAt: string;
  endsAt: string;
  status: ConversationStatus;
  theme: string;
  deadline: Deadline;
}

export type SideEffectStatus = 'pending' | 'done' | 'retrying' | 'failed';

export interface ConversationDetails extends ConversationSummary {
  municipality: string;
  schoolId: string;
  organizerUpn: string;
  schoolLeaderUpn: string;
  templateName: string;
  extraTopics: string[];
  developmentAreas: string;
  learningFocus: string;
  participants: { upn: string; displayName: string; role: Role; response: string }[];
  agenda: {
    number: number;
    key: string;
    title: string;
    goal: string;
    minutes: number;
    responsibleRoles: Role[];
    reflectionQuestions: string[];
    startsAt: string;
    endsAt: string;
  }[];
  links: { event: string | null; join: string | null; folder: string | null; agenda: string | null };
  sideEffects: {
    kind: 'invitation' | 'folder' | 'agenda' | 'documents';
    status: SideEffectStatus;
    errorCode: string | null;
    attempts: number;
  }[];
  documents: { id: string; fileName: string; sizeBytes: number; webUrl: string | null; uploaded: boolean }[];
  followUp: {
    id: string;
    what: string;
    owner: string;
    dueDate: string | null;
    status: 'open' | 'inProgress' | 'done' | 'dropped';
    madeAt: string;
  }[];
  requirements: { number: number; key: string; status: 'met' | 'missing' | 'notApplicable'; reason: string }[];
  permissions: {
    editSchoolPart: boolean;
    sendAgenda: boolean;
    retry: boolean;
    cancel: boolean;
    minutes: boolean;
    managePlan: boolean;
    facilitate: boolean;
    participant: boolean;
    evaluation: boolean;
  };
}

export interface Person {
  upn: string;
  displayName: string;
  jobTitle: string;
}

export interface MinutesContent {
  itemNotes: Record<string, string>;
  decisions: { id: string; text: string }[];
  agreements: { id: string; what: string; owner: string; dueDate: string | null; followUpDate: string | null }[];
  publicNote: string;
  confirmedWarnings: string[];
}

export interface MinutesDetails {
  version: number;
  content: MinutesContent;
  status: ConversationStatus;
  agenda: { key: string; title: string; minutesPrompt: string }[];
  evaluationDraft: string | null;
  approved: boolean;
  links: { internal: string | null; publicDocx: string | null; publicNote: string | null; website: string | null };
  permissions: { edit: boolean; approve: boolean; recordWebsite: boolean };
}

export interface ReflectionRoundView {
  round: {
    id: string;
    itemKey: string;
    status: 'open' | 'revealed' | 'closed';
    minutes: number;
    invitedUpns: string[];
    speakingOrder: string[];
  };
  version: number;
  itemTitle: string;
  questions: string[];
  answers: { upn: string; displayName: string; text: string; updatedAt: string }[];
  answeredCount: number;
  notAnswered: { upn: string; displayName: string }[];
  delivery: { sent: number; pending: number; failed: number };
}

export interface EvaluationSummary {
  responses: number;
  invited?: number;
  ratingCounts: [number, number, number, number, number];
  averageRating: number | null;
  wentWell: string[];
  adjust: string[];
  carryForward: string[];
}

export interface PreparationAnswers {
  upn: string;
  displayName: string;
  updatedAt: string;
  answers: { questionId: string; itemTitle: string; text: string; answer: string }[];
}
