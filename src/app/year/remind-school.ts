import { AppError } from '../../domain/errors.js';
import { toCopenhagenWallClock } from '../../domain/copenhagen-time.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { queueChatMessage } from '../chat/queue-chat-message.js';
import type { AppContext } from '../app-context.js';
import { viewYear } from './view-year.js';

/**
 * "Påmind skolelederen": the school leader gets a card in Teams chat saying
 * what the municipality is waiting for (the agenda, the minutes, the note's
 * link on the website). Once a day at most, whoever clicks how often.
 */
export async function remindSchool(ctx: AppContext, actor: Actor, schoolId: string): Promise<{ sent: boolean }> {
  const year = await viewYear(ctx, actor);
  const school = year.schools.find((s) => s.schoolId === schoolId);
  if (!school) throw new AppError('SCHOOL_NOT_FOUND', { schoolId });
  const items = school.overdue.filter((o) => o.kind !== 'noConversation').map((o) => o.kind);
  if (!school.conversation || items.length === 0) throw new AppError('NOTHING_OVERDUE');
  const today = toCopenhagenWallClock(ctx.now()).slice(0, 10);
  const queued = await ctx.db.transaction((tx) =>
    queueChatMessage(tx, {
      key: `nudge:${school.conversation!.id}:${today}`,
      upn: school.leaderUpn,
      kind: 'nudge',
      conversationId: school.conversation!.id,
      payload: { items },
    }),
  );
  if (queued) ctx.wakeJobs();
  return { sent: queued };
}
