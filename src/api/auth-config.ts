import * as z from 'zod/mini';

/**
 * How the tab signs in: the dev picker in local mode; in Microsoft 365 mode the
 * Entra app and the scope of this app's API (nested app authentication, Teams
 * SSO or MSAL redirect), and where an administrator consents.
 */
export const authConfigSchema = z.union([
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('m365'),
    clientId: z.string(),
    tenantId: z.string(),
    authority: z.string(),
    /** api://host/clientId/access_as_user */
    scope: z.string(),
    adminConsentUrl: z.string(),
  }),
]);
export type AuthConfig = z.infer<typeof authConfigSchema>;
