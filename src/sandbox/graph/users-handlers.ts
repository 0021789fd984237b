import type { SandboxUser } from '../sandbox-state.js';
import { GraphHttpError, type GraphRequest, type GraphResponse, type SandboxGraphContext } from './graph-types.js';

export const presentUser = (u: SandboxUser) => ({
  '@odata.type': '#microsoft.graph.user',
  id: u.id,
  displayName: u.displayName,
  userPrincipalName: u.userPrincipalName,
  mail: u.mail,
  jobTitle: u.jobTitle,
  department: u.department,
});

export function getUser(ctx: SandboxGraphContext, id: string): GraphResponse {
  const user = ctx.state.findUser(id);
  if (!user)
    throw new GraphHttpError(
      404,
      'Request_ResourceNotFound',
      `Resource '${decodeURIComponent(id)}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return { status: 200, body: presentUser(user) };
}

/** $search as Graph does it for users: quoted "property:words" clauses joined by OR; needs ConsistencyLevel. */
export function listUsers(ctx: SandboxGraphContext, request: GraphRequest): GraphResponse {
  const search = request.query.get('$search');
  let users = ctx.state.users;
  if (search) {
    if ((request.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual') {
      throw new GraphHttpError(
        400,
        'Request_UnsupportedQuery',
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    const clauses = [...search.matchAll(/"(\w+):([^"]*)"/g)].map((m) => ({ property: m[1]!, words: m[2]!.toLowerCase().trim() }));
    users = users.filter((u) =>
      clauses.some(({ property, words }) => {
        const value = String((u as unknown as Record<string, unknown>)[property] ?? '').toLowerCase();
        return words.split(/\s+/).every((w) => value.split(/[\s.@-]+/).some((token) => token.startsWith(w)) || value.startsWith(w));
      }),
    );
  }
  const top = Number(request.query.get('$top') ?? 100);
  return { status: 200, body: { value: users.slice(0, top).map(presentUser) } };
}
