import { markHeld } from '../../domain/conversation.js';
import { canTransition } from '../../domain/conversation-lifecycle.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { m365LinksRepository } from '../../store/m365-links-repository.js';
import { announceMeetingChange } from '../../store/meeting-runs-repository.js';
import { endRunAtMeetingEnd } from '../meeting/live-agenda.js';
import { queueEvaluationPrompts } from '../chat/queue-evaluation-prompts.js';
import type { AppContext } from '../app-context.js';

/** Which meeting Teams is telling the bot about: its chat, and the join link as Teams sent it. */
export interface MeetingRef {
  chatThreadId: string;
  joinUrl: string | null;
}

/**
 * The conversation of a meeting event: by the meeting chat's id, which the
 * sync read from Graph; the join link only as a fallback, compared whole,
 * never parsed (Teams' newer links carry no chat id).
 */
async function conversationOf(ctx: AppContext, meeting: MeetingRef): Promise<string | null> {
  return (
    (await m365LinksRepository.conversationByChatThread(ctx.db, meeting.chatThreadId)) ??
    (meeting.joinUrl ? await conversationRepository.idByJoinUrl(ctx.db, meeting.joinUrl) : null)
  );
}

/** Teams said the meeting started (someone joined): recorded once; the side panels hear it. */
export async function recordMeetingStarted(ctx: AppContext, meeting: MeetingRef): Promise<boolean> {
  const id = await conversationOf(ctx, meeting);
  if (!id) return false;
  return ctx.db.transaction(async (tx) => {
    const links = await m365LinksRepository.get(tx, id);
    if (links.meetingStartedAt) return false;
    await m365LinksRepository.save(tx, id, { meetingStartedAt: ctx.now().toISOString() });
    await announceMeetingChange(tx, id);
    return true;
  });
}

/**
 * Teams said the meeting ended: the conversation has been held (§ 40 a,
 * requirement 1), a live agenda still running stops there (so what each item
 * took is known), and the evaluation goes out now rather than at the planned
 * end. Before the planned start (a test call in the meeting room) only a
 * running agenda stops.
 * Teams may send it early or not at all: the schedule's evaluation at the
 * planned end stays as the fallback, with the same keys, so it goes once.
 */
export async function recordMeetingEnded(ctx: AppContext, meeting: MeetingRef): Promise<boolean> {
  const id = await conversationOf(ctx, meeting);
  if (!id) return false;
  const held = await ctx.db.transaction(async (tx) => {
    const stored = await conversationRepository.get(tx, id, { forUpdate: true });
    if (!stored) return false;
    // A live agenda someone ran stops with the call, whenever that is.
    await endRunAtMeetingEnd(tx, stored.conversation, ctx.now());
    if (ctx.now().getTime() < stored.conversation.startsAt.getTime()) return false;
    if (!canTransition(stored.conversation.status, 'hold')) return true;
    await conversationRepository.update(tx, markHeld(stored.conversation), stored.version);
    return true;
  });
  if (held) await queueEvaluationPrompts(ctx, id);
  return held;
}
