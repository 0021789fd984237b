import { markHeld } from '../../domain/conversation.js';
import { canTransition } from '../../domain/conversation-lifecycle.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import type { AppContext } from '../app-context.js';

/**
 * Teams said the meeting ended: the conversation has been held (§ 40 a,
 * requirement 1), so the page and the list stop saying "Dagsorden sendt".
 * Ignored before the planned start (a test call in the meeting room) and for
 * a conversation already past that point or cancelled.
 */
export async function recordMeetingEnded(ctx: AppContext, joinUrl: string): Promise<boolean> {
  const id = await conversationRepository.idByJoinUrl(ctx.db, joinUrl);
  if (!id) return false;
  return ctx.db.transaction(async (tx) => {
    const stored = await conversationRepository.get(tx, id, { forUpdate: true });
    if (!stored || !canTransition(stored.conversation.status, 'hold')) return false;
    if (ctx.now().getTime() < stored.conversation.startsAt.getTime()) return false;
    await conversationRepository.update(tx, markHeld(stored.conversation), stored.version);
    return true;
  });
}
