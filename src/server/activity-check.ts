/**
 * The least an activity posted to /api/messages must be before the Agents SDK
 * sees it: an object with a type, a conversation and a service URL. In local
 * mode (no sender authentication) the service URL must be the sandbox's own
 * Bot Connector or a connector on this machine (Microsoft's Agents
 * Playground), so an anonymous post cannot make the bot send requests anywhere
 * else.
 */
export function activityProblem(body: unknown, allowedServiceUrl: string | null): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'notAnObject';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type.length === 0 || activity.type.length > 100) return 'type';
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (typeof conversation !== 'object' || conversation === null || typeof conversation.id !== 'string') return 'conversation';
  if (typeof activity.serviceUrl !== 'string') return 'serviceUrl';
  if (allowedServiceUrl !== null && !activity.serviceUrl.startsWith(allowedServiceUrl) && !isLoopback(activity.serviceUrl))
    return 'serviceUrl';
  return null;
}

const isLoopback = (url: string) => {
  try {
    const { hostname, protocol } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
};
