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
});
export type Organisation = z.infer<typeof organisationSchema>;
export type School = Organisation['schools'][number];

export const isMunicipalLead = (organisation: Organisation, upn: string): boolean =>
  organisation.municipalLeads.some((lead) => lead.toLowerCase() === upn.toLowerCase());
