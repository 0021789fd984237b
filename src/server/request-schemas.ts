import { z } from 'zod';
import { invitedRoles } from '../domain/roles.js';
import { templateItemSchema } from '../domain/template.js';

/** Text fields are plain text: the one rule (src/domain/plain-text.ts) runs on every body before these schemas (json-body.ts). */
const plainText = (max: number) => z.string().trim().max(max);

export const planRequestSchema = z.object({
  schoolId: z.string().min(1).max(100),
  templateId: z.string().min(1).max(100),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  theme: plainText(200),
  extraTopics: z.array(plainText(300).min(1)).max(10).default([]),
  itemMinutes: z.record(z.string().max(60), z.number().int().min(1).max(240)).optional(),
  /** The agenda's items as edited on the plan page (added, renamed, removed, reordered). */
  items: z.array(templateItemSchema).min(1).max(30).optional(),
});

/** Moving or editing a planned conversation: the whole plan as the person now wants it, on the version they saw. */
export const changePlanRequestSchema = z.object({
  version: z.number().int().min(1),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  theme: plainText(200),
  extraTopics: z.array(plainText(300).min(1)).max(10).default([]),
  items: z.array(templateItemSchema).min(1).max(30),
});

export const schoolPartRequestSchema = z.object({
  version: z.number().int().min(1),
  developmentAreas: plainText(4000),
  learningFocus: plainText(500),
  participants: z
    .array(
      z.object({
        upn: z.string().email().max(200),
        role: z.enum(invitedRoles),
        /** A guest from outside the tenant, invited by e-mail, with the name they go by. */
        external: z.boolean().optional(),
        displayName: plainText(200).optional(),
      }),
    )
    .max(40),
});

/** The add-in's "make this meeting a conversation": the meeting's own time; the rest as on the plan page. */
export const linkMeetingRequestSchema = z.object({
  eventId: z.string().trim().min(1).max(1000),
  schoolId: z.string().min(1).max(100),
  templateId: z.string().min(1).max(100),
  theme: plainText(200),
  extraTopics: z.array(plainText(300).min(1)).max(10).default([]),
});

/** Actions on a conversation as the person saw it (send agenda, cancel): the version guards against acting on stale data. */
export const versionedActionSchema = z.object({ version: z.number().int().min(1) });

/** "Aflys samtale", with optional words to the participants (they go into Outlook's cancellation). */
export const cancelRequestSchema = versionedActionSchema.extend({ message: z.string().max(1000).optional() });

/** Parses a body with its schema (zod's issues become 400 with each field named, in error-mapping.ts). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  return schema.parse(body);
}
