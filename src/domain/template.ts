import { z } from 'zod';
import { roleSchema, type Role } from './roles.js';
import { requirementTagSchema } from './requirements.js';
import { DomainError } from './errors.js';
import { totalMinutes } from './agenda-timing.js';

const text = (max: number) => z.string().trim().max(max);

/**
 * What one person prepares, and for whom: a question to answer (by the roles
 * in `for`), or a heading of what the data package holds (`kind: 'data'`,
 * never an answer box). A plain string is a question for the item's
 * responsible roles (the older template files).
 */
const preparationEntrySchema = z.union([
  text(1000),
  z.object({ text: text(1000), for: z.array(roleSchema).min(1).optional(), kind: z.enum(['question', 'data']).default('question') }),
]);
export interface PreparationEntry {
  text: string;
  for: Role[];
  kind: 'question' | 'data';
}

const templateItemInput = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: text(200),
  goal: text(2000).default(''),
  minutes: z.number().int().min(1).max(240),
  responsibleRoles: z.array(roleSchema).min(1),
  process: text(4000).default(''),
  preparationQuestions: z.array(preparationEntrySchema).default([]),
  reflectionQuestions: z.array(text(1000)).default([]),
  /** Minutes of silent individual reflection before the round, when the item has one. */
  reflectionMinutes: z.number().int().min(1).max(15).optional(),
  minutesPrompt: text(1000).default(''),
  covers: z.array(requirementTagSchema).default([]),
});
export const templateItemSchema = templateItemInput.transform((item) => ({
  ...item,
  preparationQuestions: item.preparationQuestions.map((entry): PreparationEntry =>
    typeof entry === 'string'
      ? { text: entry, for: item.responsibleRoles, kind: 'question' }
      : { text: entry.text, for: entry.for ?? item.responsibleRoles, kind: entry.kind },
  ),
}));
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

/** Item keys name answers and notes; two items with one key would mix them up. */
export function assertItemKeysUnique(items: readonly Pick<TemplateItem, 'key'>[]): void {
  const keys = new Set<string>();
  for (const item of items) {
    if (keys.has(item.key)) throw new DomainError('TEMPLATE_INVALID', { duplicateKey: item.key });
    keys.add(item.key);
  }
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
      difference: Math.abs(meetingMinutes - agendaMinutes),
      // Which way it is off decides the sentence: "N min. for lange" or "der mangler N min.".
      direction: agendaMinutes > meetingMinutes ? 'over' : 'under',
    });
  }
}
