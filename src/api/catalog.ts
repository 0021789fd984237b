import * as z from 'zod/mini';
import { roleSchema } from './common.js';

export const meSchema = z.object({
  upn: z.string(),
  displayName: z.string(),
  isMunicipalLead: z.boolean(),
  mode: z.enum(['local', 'm365']),
});
export type Me = z.infer<typeof meSchema>;

export const templateItemSchema = z.object({
  key: z.string(),
  title: z.string(),
  goal: z.string(),
  minutes: z.number(),
  responsibleRoles: z.array(roleSchema),
  process: z.string(),
  preparationQuestions: z.array(z.object({ text: z.string(), for: z.array(roleSchema), kind: z.enum(['question', 'data']) })),
  reflectionQuestions: z.array(z.string()),
  reflectionMinutes: z.optional(z.number()),
  minutesPrompt: z.string(),
  covers: z.array(z.enum(['testResults', 'followUp', 'actionPlanStatus', 'schoolTopics', 'municipalityTopics'])),
});
export type CatalogTemplateItem = z.infer<typeof templateItemSchema>;

export const catalogSchema = z.object({
  municipality: z.string(),
  defaultTheme: z.string(),
  schools: z.array(z.object({ id: z.string(), name: z.string(), leaderUpn: z.string(), leaderName: z.string() })),
  templates: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      municipality: z.string(),
      purpose: z.string(),
      goals: z.array(z.string()),
      items: z.array(templateItemSchema),
      totalMinutes: z.number(),
    }),
  ),
  /** The municipality's consultants who facilitate (the season planner invites one and asks their calendar). */
  facilitators: z.array(z.object({ upn: z.string(), displayName: z.string() })),
});
export type Catalog = z.infer<typeof catalogSchema>;

export const personSchema = z.object({ upn: z.string(), displayName: z.string(), jobTitle: z.string() });
export type Person = z.infer<typeof personSchema>;
export const peopleSchema = z.object({ people: z.array(personSchema) });

export const overviewSchema = z.object({
  schoolYear: z.string(),
  schoolsWithout: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Overview = z.infer<typeof overviewSchema>;

export const schoolPlanSchema = z.object({
  plan: z.nullable(
    z.object({ kind: z.enum(['handlingsplan', 'udviklingsplan']), fileName: z.string(), sizeBytes: z.number(), registeredAt: z.string() }),
  ),
});
export type SchoolPlanResponse = z.infer<typeof schoolPlanSchema>;

export const devUsersSchema = z.object({
  users: z.array(z.object({ upn: z.string(), displayName: z.string(), jobTitle: z.string(), department: z.string() })),
});
export const devSignInSchema = z.object({ token: z.string() });
