import { randomUUID } from 'node:crypto';
import { requireActionBody } from './body-check.js';
import { GraphHttpError, nowIso, type GraphResponse, type SandboxGraphContext } from './graph-types.js';

/** POST /users/{id}/sendMail: delivers to each recipient's sandbox inbox, as Exchange would. */
export function sendMail(ctx: SandboxGraphContext, userId: string, json: unknown): GraphResponse {
  const sender = ctx.state.findUser(userId);
  if (!sender) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${decodeURIComponent(userId)}' is invalid.`);
  const body = requireActionBody(ctx, 'sendMail', 'microsoft.graph.user', json);
  const message = body.Message as
    { subject?: string; body?: { content?: string }; toRecipients?: { emailAddress?: { address?: string } }[] } | undefined;
  const recipients = [...(message?.toRecipients ?? [])].map((r) => r.emailAddress?.address ?? '').filter(Boolean);
  if (!message || recipients.length === 0) throw new GraphHttpError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
  for (const address of recipients) {
    const user = ctx.state.findUser(address);
    if (!user) continue;
    const delivered = {
      id: randomUUID(),
      mailbox: user.userPrincipalName,
      kind: 'mail',
      subject: message.subject ?? '',
      from: { address: sender.mail, name: sender.displayName },
      bodyHtml: message.body?.content ?? '',
      eventId: null,
      response: null,
      receivedDateTime: nowIso(),
    } as const;
    ctx.state.messages.push(delivered);
    ctx.state.changed('messages', delivered);
  }
  return { status: 202 };
}
