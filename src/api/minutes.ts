import * as z from 'zod/mini';
import { instant, conversationStatusSchema, nullableString } from './common.js';

export const minutesContentSchema = z.object({
  itemNotes: z.record(z.string(), z.string()),
  decisions: z.array(z.object({ id: z.string(), text: z.string() })),
  agreements: z.array(
    z.object({ id: z.string(), what: z.string(), owner: z.string(), dueDate: nullableString, followUpDate: nullableString }),
  ),
  publicNote: z.string(),
  confirmedWarnings: z.array(z.string()),
});
export type MinutesContent = z.infer<typeof minutesContentSchema>;

export const guardFindingSchema = z.object({
  /** "note", or "agreement:<id>:what" / "agreement:<id>:owner". */
  field: z.string(),
  rule: z.string(),
  severity: z.enum(['blocking', 'warning']),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  sentence: z.string(),
  fingerprint: z.string(),
  confirmed: z.boolean(),
});

export const minutesDetailsSchema = z.object({
  version: z.number(),
  content: minutesContentSchema,
  status: conversationStatusSchema,
  agenda: z.array(z.object({ key: z.string(), title: z.string(), minutesPrompt: z.string() })),
  evaluationDraft: nullableString,
  reflectionDrafts: z.array(z.object({ itemKey: z.string(), text: z.string() })),
  /** What each item took when the live agenda was run in the meeting. */
  timeUse: z.array(z.object({ key: z.string(), plannedMinutes: z.number(), actualMinutes: z.nullable(z.number()) })),
  /** When the minutes open for writing (the meeting's start). */
  opensAt: instant,
  /** The meeting has not begun by the server's clock: the minutes cannot be written yet. */
  beforeMeeting: z.boolean(),
  /** The server's clock, so the tab judges dates ("a due date in the past") as the server does. */
  serverNow: instant,
  findings: z.array(guardFindingSchema),
  /** The municipality and its schools: institutions, never people, for the tab's own guard. */
  guardInstitutions: z.array(z.string()),
  approved: z.boolean(),
  links: z.object({ internal: nullableString, publicDocx: nullableString, publicNote: nullableString, website: nullableString }),
  permissions: z.object({ edit: z.boolean(), approve: z.boolean(), recordWebsite: z.boolean() }),
});
export type MinutesDetails = z.infer<typeof minutesDetailsSchema>;
