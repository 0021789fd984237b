import { z } from 'zod';
import type { GraphCall } from './graph-call.js';

/**
 * Installing our Teams app for a person (application permission
 * TeamsAppInstallation.ReadWriteSelfForUser.All) and reading the 1:1 chat
 * with its bot: how the bot reaches someone who never opened it.
 */
const installationSchema = z.object({ id: z.string() });

export const teamsAppRequests = {
  findInstallation: (userId: string, teamsAppId: string): GraphCall<string | null> => ({
    method: 'GET',
    url: `/users/${encodeURIComponent(userId)}/teamwork/installedApps?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${teamsAppId}'`)}`,
    parse: (body) => z.object({ value: z.array(installationSchema) }).parse(body).value[0]?.id ?? null,
  }),

  install: (userId: string, teamsAppId: string): GraphCall<string> => ({
    method: 'POST',
    url: `/users/${encodeURIComponent(userId)}/teamwork/installedApps`,
    body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${teamsAppId}` },
    parse: (body) => installationSchema.parse(body).id,
  }),

  chatOf: (userId: string, installationId: string): GraphCall<{ id: string; tenantId: string | null }> => ({
    method: 'GET',
    url: `/users/${encodeURIComponent(userId)}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`,
    parse: (body) => {
      const chat = z.object({ id: z.string(), tenantId: z.string().nullish() }).parse(body);
      return { id: chat.id, tenantId: chat.tenantId ?? null };
    },
  }),
};
