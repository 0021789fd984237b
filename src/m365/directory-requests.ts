import { z } from 'zod';
import type { GraphCall } from './graph-call.js';
import type { DirectoryUser } from '../app/ports/directory.js';

const userSchema = z.object({
  id: z.string(),
  displayName: z.string().nullish(),
  userPrincipalName: z.string(),
  mail: z.string().nullish(),
  jobTitle: z.string().nullish(),
});
const toUser = (raw: z.infer<typeof userSchema>): DirectoryUser => ({
  id: raw.id,
  displayName: raw.displayName ?? raw.userPrincipalName,
  upn: raw.userPrincipalName,
  mail: raw.mail ?? raw.userPrincipalName,
  jobTitle: raw.jobTitle ?? '',
});

const select = '$select=id,displayName,userPrincipalName,mail,jobTitle';

/** People in the tenant: to find invitees and to show names. */
export const directoryRequests = {
  getUser: (upn: string): GraphCall<DirectoryUser> => ({
    method: 'GET',
    url: `/users/${encodeURIComponent(upn)}?${select}`,
    parse: (body) => toUser(userSchema.parse(body)),
  }),

  /** Graph's $search needs ConsistencyLevel: eventual; the words are matched against name and mail. */
  searchUsers: (text: string, top = 15): GraphCall<DirectoryUser[]> => ({
    method: 'GET',
    url: `/users?$search=${encodeURIComponent(`"displayName:${text.replace(/"/g, '')}" OR "mail:${text.replace(/"/g, '')}"`)}&$top=${top}&${select}`,
    headers: { ConsistencyLevel: 'eventual' },
    parse: (body) =>
      z
        .object({ value: z.array(userSchema) })
        .parse(body)
        .value.map(toUser),
  }),
};
