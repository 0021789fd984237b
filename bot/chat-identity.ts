import type { TurnContext } from '@microsoft/agents-hosting';
import { chatUsersRepository, conversationRefSchema } from '../src/store/chat-users-repository.js';
import type { AppContext } from '../src/app/app-context.js';
import { botLocaleOf, type BotLocale } from './bot-texts.js';

export interface ChatActor {
  upn: string;
  aadObjectId: string;
  locale: BotLocale;
}

/**
 * Who is writing, as Teams says: the activity's from.aadObjectId, which Teams
 * sets and the Bot Service signs for. Never anything from the message text or
 * card data. The person's chat reference is refreshed on the way, so the bot
 * can write back later even if its stored one has moved.
 */
export async function chatActorOf(ctx: AppContext, context: TurnContext): Promise<ChatActor | null> {
  const activity = context.activity;
  const aadObjectId = activity.from?.aadObjectId;
  if (!aadObjectId) return null;
  const locale = botLocaleOf(activity.locale);
  const known = await chatUsersRepository.byAadObjectId(ctx.db, aadObjectId);
  const upn = known?.upn ?? (await ctx.directory.getUser(aadObjectId))?.upn;
  if (!upn) return null;
  const reference = activity.getConversationReference();
  const parsed = conversationRefSchema.safeParse({
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    conversation: reference.conversation,
    bot: reference.agent ?? undefined,
    user: reference.user,
  });
  const personal = activity.conversation?.conversationType === 'personal';
  await chatUsersRepository.upsert(ctx.db, {
    upn,
    aadObjectId,
    ...(parsed.success && personal ? { conversationRef: parsed.data } : {}),
    locale,
  });
  return { upn: upn.toLowerCase(), aadObjectId, locale };
}
