import express, { Router, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as AC from 'adaptivecards';
import type { SandboxChat, SandboxState } from '../sandbox-state.js';
import type { FaultInjector } from '../fault-injection.js';
import { SlidingWindowLimiter, teamsConversationLimits, teamsTenantLimits } from '../../m365/teams-rate-limits.js';

/**
 * The Bot Connector subset the product uses, in its wire format (v3 REST):
 * create a conversation, send an activity, update one. It enforces what Teams
 * enforces — the rate limits (429), the 28 KB message size (413), cards that
 * parse — so the product's pacing and retries are exercised for real.
 */
export interface ConnectorStats {
  requests: number;
  delivered: number;
  updated: number;
  throttled: number;
  faultsInjected: number;
  rejected: number;
}

const attachmentSchema = z.object({ contentType: z.string(), content: z.unknown() });
const activitySchema = z.object({
  type: z.literal('message'),
  text: z.string().max(28_000).optional(),
  textFormat: z.string().optional(),
  attachments: z.array(attachmentSchema).max(10).optional(),
  locale: z.string().optional(),
});
const conversationParametersSchema = z.object({
  isGroup: z.boolean().optional(),
  bot: z.object({ id: z.string() }).optional(),
  agent: z.object({ id: z.string() }).optional(),
  members: z.array(z.object({ id: z.string(), aadObjectId: z.string().optional() })).length(1),
  tenantId: z.string().optional(),
  channelData: z.unknown().optional(),
});

const maxMessageBytes = 28 * 1024;
const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';

/** Parses a card the way the Teams client's renderer will; unknown elements and bad versions are errors here. */
export function cardProblems(content: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content as object, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  const version = String((content as { version?: string }).version ?? '');
  if (!/^1\.[0-5]$/.test(version)) problems.push(`Card version ${version || '(none)'} is not one Teams renders (1.0–1.5).`);
  return problems;
}

export function connectorRouter(state: SandboxState, faults: FaultInjector, stats: ConnectorStats, clock: () => number = Date.now): Router {
  const router = Router();
  const tenant = new SlidingWindowLimiter(teamsTenantLimits);
  const perConversation = new SlidingWindowLimiter(teamsConversationLimits);
  const json = express.json({ limit: '1mb' });

  const error = (res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(status).json({ error: { code, message } });
  };

  /** Faults first, then Teams' limits; returns true when the request was answered with an error. */
  const refuse = (res: Response, conversationId: string): boolean => {
    stats.requests++;
    const fault = faults.next();
    if (fault) {
      stats.faultsInjected++;
      error(res, fault.status, fault.status === 429 ? 'Throttled' : 'ServiceError', 'Injected by the sandbox.', {
        'Retry-After': String(fault.retryAfterSeconds),
      });
      return true;
    }
    const now = clock();
    const wait = Math.max(tenant.delayFor('app', now), perConversation.delayFor(conversationId, now));
    if (wait > 0) {
      stats.throttled++;
      error(res, 429, 'Throttled', 'Too many requests for this app or conversation.', { 'Retry-After': String(Math.ceil(wait / 1000)) });
      return true;
    }
    tenant.record('app', now);
    perConversation.record(conversationId, now);
    return false;
  };

  const validate = (res: Response, body: unknown): z.infer<typeof activitySchema> | null => {
    const parsed = activitySchema.safeParse(body);
    if (!parsed.success) {
      stats.rejected++;
      error(res, 400, 'BadSyntax', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return null;
    }
    if (Buffer.byteLength(JSON.stringify(body)) > maxMessageBytes) {
      stats.rejected++;
      error(res, 413, 'MessageSizeTooBig', 'Message size too big (over 28 KB).');
      return null;
    }
    for (const attachment of parsed.data.attachments ?? []) {
      if (attachment.contentType !== adaptiveCardType) continue;
      const problems = cardProblems(attachment.content);
      if (problems.length > 0) {
        stats.rejected++;
        error(res, 400, 'BadSyntax', `Adaptive Card: ${problems.join(' ')}`);
        return null;
      }
    }
    return parsed.data;
  };

  const chatFor = (res: Response, id: string): SandboxChat | null => {
    const chat = state.chats.find((c) => c.id === id);
    if (!chat) {
      error(res, 404, 'ConversationNotFound', 'Conversation not found.');
      return null;
    }
    return chat;
  };

  router.post('/v3/conversations', json, (req, res) => {
    const parsed = conversationParametersSchema.safeParse(req.body);
    if (!parsed.success) return error(res, 400, 'BadSyntax', 'Invalid conversation parameters.');
    const member = parsed.data.members[0]!;
    const key = (member.aadObjectId ?? member.id).replace(/^29:/, '');
    const user = state.users.find((u) => u.id === key);
    const chat = user ? state.chats.find((c) => c.userId === user.id) : undefined;
    // Teams only opens a 1:1 chat with a bot the person has installed.
    if (!chat) return error(res, 403, 'Forbidden', 'The bot is not part of the conversation roster.');
    res.status(201).json({ id: chat.id });
  });

  // SendToConversation and ReplyToActivity: in a 1:1 chat Teams shows both as the next message.
  router.post(
    ['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:replyToId'],
    json,
    (req, res) => {
      const chat = chatFor(res, String(req.params.conversationId));
      if (!chat || refuse(res, chat.id)) return;
      if (state.botBlockedBy.includes(chat.userId)) return error(res, 403, 'Forbidden', 'The user has blocked the bot.');
      const activity = validate(res, req.body);
      if (!activity) return;
      const id = `1:${randomUUID()}`;
      chat.activities.push({
        id,
        from: 'bot',
        type: 'message',
        text: activity.text ?? '',
        attachments: activity.attachments ?? [],
        timestamp: new Date(clock()).toISOString(),
        updatedAt: null,
      });
      stats.delivered++;
      state.changed('chats', chat);
      res.status(201).json({ id });
    },
  );

  router.put('/v3/conversations/:conversationId/activities/:activityId', json, (req, res) => {
    const chat = chatFor(res, req.params.conversationId);
    if (!chat || refuse(res, chat.id)) return;
    const activity = validate(res, req.body);
    if (!activity) return;
    const existing = chat.activities.find((a) => a.id === req.params.activityId && a.from === 'bot');
    if (!existing) return error(res, 404, 'ActivityNotFound', 'Activity not found.');
    existing.text = activity.text ?? '';
    existing.attachments = activity.attachments ?? [];
    existing.updatedAt = new Date(clock()).toISOString();
    stats.updated++;
    state.changed('chats', chat);
    res.status(200).json({ id: existing.id });
  });

  return router;
}
