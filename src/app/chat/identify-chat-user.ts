import { chatUsersRepository } from '../../store/chat-users-repository.js';
import { chatReferenceSchema, type ChatLocale } from '../ports/chat-sender.js';
import type { AppContext } from '../app-context.js';

export interface ChatActor {
  upn: string;
  aadObjectId: string;
  locale: ChatLocale;
}

/**
 * Who is writing to the bot, from what Teams says (the activity's
 * from.aadObjectId, signed for by the Bot Service) — never from message text
 * or card data. The person's chat reference is kept on the way, so the bot
 * can write back later even if the stored one has moved.
 */
export async function identifyChatUser(
  ctx: AppContext,
  activity: { aadObjectId: string; locale: ChatLocale; personalChatReference: unknown | null },
): Promise<ChatActor | null> {
  const known = await chatUsersRepository.byAadObjectId(ctx.db, activity.aadObjectId);
  const upn = known?.upn ?? (await ctx.directory.getUser(activity.aadObjectId))?.upn;
  if (!upn) return null;
  const reference = activity.personalChatReference === null ? null : chatReferenceSchema.safeParse(activity.personalChatReference);
  await chatUsersRepository.upsert(ctx.db, {
    upn,
    aadObjectId: activity.aadObjectId,
    ...(reference?.success ? { conversationRef: reference.data } : {}),
    locale: activity.locale,
  });
  return { upn: upn.toLowerCase(), aadObjectId: activity.aadObjectId, locale: activity.locale };
}
