import * as z from 'zod/mini';
import { conversationStatusSchema, instant, nullableString } from './common.js';

export const yearSchema = z.object({
  schoolYear: z.string(),
  phases: z.array(
    z.object({
      key: z.enum(['preparation', 'conversations', 'followUp', 'politicalBriefing']),
      from: z.string(),
      to: z.string(),
      state: z.enum(['done', 'current', 'upcoming']),
    }),
  ),
  schools: z.array(
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      conversation: z.nullable(z.object({ id: z.string(), startsAt: instant, status: conversationStatusSchema })),
      agendaSentInTime: z.nullable(z.boolean()),
      minutesApproved: z.boolean(),
      notePublished: z.boolean(),
      websiteLinked: z.boolean(),
      requirementsMet: z.number(),
      evaluationResponses: z.number(),
      sideEffects: z.object({ done: z.number(), total: z.number(), failed: z.number() }),
      overdue: z.array(z.object({ kind: z.enum(['noConversation', 'agendaLate', 'minutesLate', 'noteNotLinked']), dueAt: instant })),
      reason: nullableString,
    }),
  ),
});
export type YearOverview = z.infer<typeof yearSchema>;

export const remindedSchema = z.object({ sent: z.boolean() });

const chartSchema = z.object({ title: z.string(), unit: z.string(), bars: z.array(z.object({ label: z.string(), value: z.number() })) });
const agreementStatus = z.enum(['open', 'inProgress', 'done', 'dropped']);

/** The political committee's briefing as the tab shows it before saving: its content, the guard's findings, the saved versions. */
export const briefingSchema = z.object({
  schoolYear: z.string(),
  municipality: z.string(),
  counts: z.object({
    schools: z.number(),
    held: z.number(),
    planned: z.number(),
    without: z.number(),
    notesPublished: z.number(),
    notesLinked: z.number(),
  }),
  themes: z.array(z.object({ text: z.string(), schools: z.number() })),
  agreements: z.object({
    byStatus: z.record(agreementStatus, z.number()),
    items: z.array(z.object({ schoolName: z.string(), what: z.string(), status: agreementStatus })),
  }),
  evaluation: z.nullable(
    z.object({
      responses: z.number(),
      averageRating: z.nullable(z.number()),
      wentWell: z.array(z.string()),
      adjust: z.array(z.string()),
      carryForward: z.array(z.string()),
    }),
  ),
  evaluationResponses: z.number(),
  ratingsBySchool: z.array(z.object({ label: z.string(), average: z.number() })),
  ratingsByYear: z.array(z.object({ label: z.string(), average: z.number() })),
  withoutConversation: z.array(z.object({ schoolName: z.string(), reason: nullableString })),
  requirements: z.array(z.object({ schoolName: z.string(), met: z.number(), missing: z.array(z.string()) })),
  overrunItems: z.array(z.object({ title: z.string(), held: z.number(), overran: z.number(), averageOverrunMinutes: z.number() })),
  notes: z.array(z.object({ schoolName: z.string(), text: z.string() })),
  charts: z.array(chartSchema),
  findings: z.array(
    z.object({
      section: z.string(),
      label: z.string(),
      rule: z.string(),
      severity: z.enum(['blocking', 'warning']),
      found: z.string(),
      sentence: z.string(),
      fingerprint: z.string(),
    }),
  ),
  versions: z.array(
    z.object({
      version: z.number(),
      createdAt: instant,
      status: z.enum(['pending', 'saved', 'failed']),
      webUrl: nullableString,
      lastError: nullableString,
    }),
  ),
});
export type BriefingOverview = z.infer<typeof briefingSchema>;
export const briefingSavedSchema = z.object({ version: z.number() });
