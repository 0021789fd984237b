import { randomUUID } from 'node:crypto';
import type { SandboxChat, SandboxMeetingChat, SandboxState, SandboxUser } from '../sandbox-state.js';
import { sandboxTenantId } from '../graph/teamwork-handlers.js';

/**
 * What the Teams client and service do on a person's side of the chat:
 * post their message or card action to the bot's messaging endpoint as an
 * activity, exactly as Teams would, and keep the chat's copy of the card in
 * step with the bot's answer (Universal Actions replace the card in place).
 */
export interface TeamsClientOptions {
  state: SandboxState;
  botEndpoint: string;
  connectorUrl: string;
  botId: string;
  botName: string;
}

export type InvokeOutcome =
  { ok: true; kind: 'card'; card: unknown } | { ok: true; kind: 'message'; text: string } | { ok: false; status: number; message: string };

export class SandboxTeamsClient {
  constructor(private readonly options: TeamsClientOptions) {}

  private base(chat: SandboxChat, user: SandboxUser, locale: string) {
    return {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: this.options.connectorUrl,
      timestamp: new Date().toISOString(),
      locale,
      from: { id: `29:${user.id}`, aadObjectId: user.id, name: user.displayName },
      recipient: { id: this.options.botId, name: this.options.botName },
      conversation: { id: chat.id, conversationType: 'personal', tenantId: sandboxTenantId },
      channelData: { tenant: { id: sandboxTenantId } },
    };
  }

  private async post(activity: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(this.options.botEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: response.status, body };
  }

  /** Teams sends conversationUpdate (membersAdded: the bot) when the app is installed for someone. */
  async installed(chat: SandboxChat, user: SandboxUser): Promise<void> {
    await this.post({
      ...this.base(chat, user, 'da-DK'),
      type: 'conversationUpdate',
      membersAdded: [{ id: this.options.botId }],
    });
  }

  /**
   * The meeting started or ended: Teams tells the bots installed in the
   * meeting's chat with their resource-specific consent to its events
   * (OnlineMeeting.ReadBasic.Chat), and nobody else. False when no bot heard it.
   */
  async meetingEvent(
    chat: SandboxMeetingChat,
    kind: 'start' | 'end',
    user: SandboxUser,
    event: { subject: string; joinUrl: string },
  ): Promise<boolean> {
    const listening = chat.installedApps.some((a) => a.permissions.some((p) => p.permissionValue === 'OnlineMeeting.ReadBasic.Chat'));
    if (!listening) return false;
    const at = new Date().toISOString();
    const { status } = await this.post({
      id: randomUUID(),
      type: 'event',
      name: kind === 'start' ? 'application/vnd.microsoft.meetingStart' : 'application/vnd.microsoft.meetingEnd',
      channelId: 'msteams',
      serviceUrl: this.options.connectorUrl,
      timestamp: at,
      from: { id: `29:${user.id}`, aadObjectId: user.id, name: user.displayName },
      recipient: { id: this.options.botId, name: this.options.botName },
      conversation: { id: chat.id, conversationType: 'groupChat', isGroup: true, tenantId: sandboxTenantId },
      channelData: { tenant: { id: sandboxTenantId }, meeting: { id: chat.onlineMeetingId } },
      value: {
        Id: chat.onlineMeetingId,
        JoinUrl: event.joinUrl,
        Title: event.subject,
        MeetingType: 'Scheduled',
        ...(kind === 'start' ? { StartTime: at } : { EndTime: at }),
      },
    });
    return status < 400;
  }

  async sendText(chat: SandboxChat, user: SandboxUser, text: string, locale: string): Promise<number> {
    const activity = { ...this.base(chat, user, locale), type: 'message', text, textFormat: 'plain' };
    chat.activities.push({
      id: activity.id,
      from: 'user',
      type: 'message',
      text,
      attachments: [],
      timestamp: activity.timestamp,
      updatedAt: null,
    });
    this.options.state.changed('chats', chat);
    return (await this.post(activity)).status;
  }

  /** An Action.Execute on a card in the chat; `automatic` is Teams refreshing a card someone is looking at. */
  async execute(
    chat: SandboxChat,
    user: SandboxUser,
    input: { activityId: string; verb: string; data: unknown; trigger: 'manual' | 'automatic' },
    locale: string,
  ): Promise<InvokeOutcome> {
    const target = chat.activities.find((a) => a.id === input.activityId && a.from === 'bot');
    if (!target) return { ok: false, status: 404, message: 'Beskeden findes ikke.' };
    const activity = {
      ...this.base(chat, user, locale),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: input.activityId,
      value: { action: { type: 'Action.Execute', verb: input.verb, data: input.data }, trigger: input.trigger },
    };
    const { status, body } = await this.post(activity);
    const response = body as { statusCode?: number; type?: string; value?: unknown } | null;
    if (status !== 200 || !response) return { ok: false, status, message: `Bot svarede ${status}.` };
    if (response.type === 'application/vnd.microsoft.card.adaptive') {
      // A refresh that changes nothing leaves the message as it was, as in Teams.
      if (JSON.stringify(target.attachments[0]?.content) !== JSON.stringify(response.value)) {
        target.attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: response.value }];
        target.updatedAt = new Date().toISOString();
        this.options.state.changed('chats', chat);
      }
      return { ok: true, kind: 'card', card: response.value };
    }
    if (response.type === 'application/vnd.microsoft.error') {
      const value = response.value as { message?: string } | undefined;
      return { ok: false, status: response.statusCode ?? 400, message: value?.message ?? '' };
    }
    return { ok: true, kind: 'message', text: String(response.value ?? '') };
  }
}
