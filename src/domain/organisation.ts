import { z } from 'zod';

/**
 * The municipality the app is installed for: who represents it and which
 * schools it has. Configuration, not user data: it comes from a file the
 * municipality's administrator maintains.
 */
export const organisationSchema = z.object({
  municipality: z.string().min(1),
  municipalLeads: z.array(z.string().email()).min(1),
  defaultTheme: z.string().default(''),
  schools: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().min(1),
        leaderUpn: z.string().email(),
        /** A handlingsplan (§ 57 d, stk. 4) or udviklingsplan the conversation must cover while it applies. */
        actionPlan: z.enum(['handlingsplan', 'udviklingsplan']).optional(),
      }),
    )
    .min(1),
  /** The municipality's consultants who facilitate the conversations (the season planner asks their calendars too). */
  facilitators: z.array(z.string().email()).default([]),
  /** School holidays the season planner keeps clear of (Copenhagen dates, inclusive). */
  schoolHolidays: z
    .array(
      z.object({ name: z.string().min(1), from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    )
    .default([]),
  /**
   * The municipality's annual cycle around the conversations, as month-day
   * ranges within the school year (1 August – 31 July). Defaults to preparation
   * in August–September, the conversations October–March, follow-up
   * April–May and the committee's briefing in June.
   */
  annualCycle: z
    .array(
      z.object({
        key: z.enum(['preparation', 'conversations', 'followUp', 'politicalBriefing']),
        from: z.string().regex(/^\d{2}-\d{2}$/),
        to: z.string().regex(/^\d{2}-\d{2}$/),
      }),
    )
    .default([
      { key: 'preparation', from: '08-01', to: '09-30' },
      { key: 'conversations', from: '10-01', to: '03-31' },
      { key: 'followUp', from: '04-01', to: '05-31' },
      { key: 'politicalBriefing', from: '06-01', to: '06-30' },
    ]),
});
export type Organisation = z.infer<typeof organisationSchema>;
export type School = Organisation['schools'][number];

export const isMunicipalLead = (organisation: Organisation, upn: string): boolean =>
  organisation.municipalLeads.some((lead) => lead.toLowerCase() === upn.toLowerCase());
