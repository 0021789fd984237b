import { z } from 'zod';
import { roleSchema } from './roles.js';
import { requirementTagSchema } from './requirements.js';
import { DomainError } from './errors.js';
import { totalMinutes } from './agenda-timing.js';

const text = (max: number) => z.string().trim().max(max);

export const templateItemSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: text(200),
  goal: text(2000).default(''),
  minutes: z.number().int().min(1).max(240),
  responsibleRoles: z.array(roleSchema).min(1),
  process: text(4000).default(''),
  preparationQuestions: z.array(text(1000)).default([]),
  reflectionQuestions: z.array(text(1000)).default([]),
  /** Minutes of silent individual reflection before the round, when the item has one. */
  reflectionMinutes: z.number().int().min(1).max(15).optional(),
  minutesPrompt: text(1000).default(''),
  covers: z.array(requirementTagSchema).default([]),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: text(200).min(1),
  municipality: text(200).min(1),
  purpose: text(4000).default(''),
  goals: z.array(text(1000)).default([]),
  items: z.array(templateItemSchema).min(1).max(30),
});
export type Template = z.infer<typeof templateSchema>;

/**
 * Parses a template from untrusted input (a file or an API body). Unknown roles
 * and tags are rejected by the schema; this adds the rules zod cannot say:
 * every item needs a title and keys must be unique.
 */
export function parseTemplate(input: unknown): Template {
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError('TEMPLATE_INVALID', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  const template = parsed.data;
  template.items.forEach((item, index) => {
    if (item.title.length === 0) throw new DomainError('AGENDA_ITEM_TITLE_EMPTY', { item: index + 1 });
  });
  const keys = new Set<string>();
  for (const item of template.items) {
    if (keys.has(item.key)) throw new DomainError('TEMPLATE_INVALID', { duplicateKey: item.key });
    keys.add(item.key);
  }
  return template;
}

/**
 * The agenda must fill the meeting exactly: a 115-minute agenda in a 120-minute
 * meeting is five unplanned minutes, which is why the error names the difference.
 */
export function assertAgendaFillsMeeting(items: readonly TemplateItem[], meetingMinutes: number): void {
  items.forEach((item, index) => {
    if (item.title.trim().length === 0) throw new DomainError('AGENDA_ITEM_TITLE_EMPTY', { item: index + 1 });
  });
  const agendaMinutes = totalMinutes(items);
  if (agendaMinutes !== meetingMinutes) {
    throw new DomainError('AGENDA_TIME_MISMATCH', {
      agendaMinutes,
      meetingMinutes,
      difference: meetingMinutes - agendaMinutes,
    });
  }
}
