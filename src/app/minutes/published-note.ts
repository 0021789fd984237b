import type { Conversation } from '../../domain/conversation.js';
import type { MinutesContent } from '../../domain/minutes.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import type { AppContext } from '../app-context.js';

/** The published note behind a public address; public by design (it passed the guard), so no actor. */
export async function publishedNote(
  ctx: AppContext,
  publicId: string,
): Promise<{ conversation: Conversation; content: MinutesContent } | null> {
  const published = await minutesRepository.findPublished(ctx.db, publicId);
  const stored = published ? await conversationRepository.get(ctx.db, published.conversationId) : null;
  return published && stored ? { conversation: stored.conversation, content: published.content } : null;
}
