import { conversationRepository } from '../../store/conversation-repository.js';
import { m365LinksRepository } from '../../store/m365-links-repository.js';
import type { ConversationFacts } from '../ports/chat-sender.js';
import { conversationFacts } from './chat-prompt-for.js';
import type { AppContext } from '../app-context.js';

/** "mine samtaler": the conversations a person takes part in that have not ended, soonest first. */
export async function upcomingConversations(ctx: AppContext, upn: string): Promise<ConversationFacts[]> {
  const now = ctx.now();
  const visible = await conversationRepository.listVisible(ctx.db, upn, false);
  const upcoming = visible
    .map((s) => s.conversation)
    .filter((c) => c.endsAt.getTime() >= now.getTime() && c.status !== 'cancelled')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return Promise.all(upcoming.map(async (c) => conversationFacts(ctx, c, upn, (await m365LinksRepository.get(ctx.db, c.id)).agendaWebUrl)));
}
