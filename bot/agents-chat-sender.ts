import { traced } from '../src/telemetry/tracing.js';
import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import { CloudAdapter, HttpError, type TurnContext } from '@microsoft/agents-hosting';
import { ChatDeliveryError, type ChatReference, type ChatSender } from '../src/app/ports/chat-sender.js';
import { renderPrompt, type OutgoingMessage } from './render-prompt.js';

/**
 * The ChatSender port on the Agents SDK. Proactive messages through the Agents SDK's CloudAdapter: continue the
 * stored conversation and send (or update) one activity. In Microsoft 365
 * mode the adapter gets a Bot Framework token for the bot's app id; in local
 * mode the identity has no audience, so the sandbox connector is called
 * anonymously, as the SDK does for local development.
 */
export function agentsChatSender(adapter: CloudAdapter, botAppId: string | null): ChatSender {
  const identity: Parameters<CloudAdapter['continueConversation']>[0] = botAppId ?? {};
  const toReference = (ref: ChatReference): ConversationReference => ({
    serviceUrl: ref.serviceUrl,
    channelId: ref.channelId,
    conversation: {
      id: ref.conversation.id,
      conversationType: ref.conversation.conversationType,
      tenantId: ref.conversation.tenantId,
      isGroup: false,
    },
    agent: ref.bot ? { id: ref.bot.id, name: ref.bot.name } : undefined,
    user: ref.user,
  });
  const activityOf = (message: OutgoingMessage) => Activity.fromObject({ type: 'message', ...message });

  const translate = (error: unknown): never => {
    if (error instanceof HttpError) {
      const header = error.response?.headers?.get?.('retry-after');
      const seconds = header ? Number(header) : NaN;
      throw new ChatDeliveryError(error.response?.status ?? 500, error.message, Number.isFinite(seconds) ? seconds * 1000 : undefined);
    }
    throw error;
  };

  /**
   * Runs one proactive turn. The adapter hands errors inside a turn to its
   * onTurnError instead of throwing them, so the turn keeps its own and the
   * caller gets it: a failed send must fail the job, not pass as delivered.
   */
  const turn = async <T>(ref: ChatReference, work: (context: TurnContext) => Promise<T>): Promise<T> => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } = { ok: false, error: new Error('The turn did not run') };
    await adapter.continueConversation(identity, toReference(ref), async (context) => {
      try {
        outcome = { ok: true, value: await work(context) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    const result = outcome as { ok: true; value: T } | { ok: false; error: unknown };
    if (!result.ok) return translate(result.error);
    return result.value;
  };

  return {
    send: (ref, prompt, locale) =>
      traced('botconnector.send', { 'chat.prompt': prompt.kind }, async () => {
        const message = renderPrompt(prompt, locale);
        const id = await turn(ref, async (context) => (await context.sendActivity(activityOf(message)))?.id ?? '');
        if (!id) throw new ChatDeliveryError(502, 'The connector returned no activity id');
        return id;
      }),
    update: (ref, activityId, prompt, locale) =>
      traced('botconnector.update', { 'chat.prompt': prompt.kind }, async () => {
        await turn(ref, async (context) => {
          const activity = activityOf(renderPrompt(prompt, locale));
          activity.id = activityId;
          await context.updateActivity(activity);
        });
      }),
  };
}
