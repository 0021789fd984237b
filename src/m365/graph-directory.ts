import type { Directory, DirectoryUser } from '../app/ports/directory.js';
import type { GraphExecutor } from './graph-executor.js';
import { GraphError } from './graph-error.js';
import { directoryRequests } from './directory-requests.js';

/** Names change rarely; a few minutes' cache keeps a directory round trip out of most plans. */
const userCacheMs = 10 * 60_000;

/** People in the tenant through Graph /users (application permission User.Read.All). */
export function graphDirectory(graph: GraphExecutor, now: () => number = Date.now): Directory {
  const cache = new Map<string, { user: DirectoryUser | null; at: number }>();
  return {
    async getUser(idOrUpn) {
      const key = idOrUpn.toLowerCase();
      const cached = cache.get(key);
      if (cached && now() - cached.at < userCacheMs) return cached.user;
      try {
        const user = await graph.send(directoryRequests.getUser(idOrUpn));
        cache.set(key, { user, at: now() });
        return user;
      } catch (error) {
        if (error instanceof GraphError && error.status === 404) return null;
        throw error;
      }
    },
    search: (text) => graph.send(directoryRequests.searchUsers(text)),
  };
}
