import { sendAgenda } from '../../domain/conversation.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { requestSync } from './request-sync.js';
import { queueWelcomes } from '../chat/queue-welcomes.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

/** "Send dagsorden": the school leader's agenda goes to every invitee through the Outlook event. */
export async function sendAgendaCommand(ctx: AppContext, actor: Actor, id: string, version: number): Promise<number> {
  const newVersion = await ctx.db.transaction(async (tx) => {
    const { conversation } = await loadReadableConversation(tx, actor, id);
    if (!conversationPolicy.canEditSchoolPart(actor, conversation)) throw new AppError('FORBIDDEN');
    const sent = sendAgenda(conversation, ctx.now());
    const saved = await conversationRepository.update(tx, sent, version);
    await requestSync(tx, id, saved, ['invitation', 'agenda', 'meetingApp']);
    await queueWelcomes(tx, sent);
    return saved;
  });
  ctx.wakeJobs();
  return newVersion;
}
