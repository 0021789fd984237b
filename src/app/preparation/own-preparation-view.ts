import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { AppError } from '../../domain/errors.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import { ownPreparation } from './own-preparation.js';
import type { AppContext } from '../app-context.js';

/** Closed once the minutes are approved or the conversation cancelled (as the chat card is). */
const closedStatuses = new Set(['cancelled', 'published', 'minutesApproved']);

/** The signed-in participant's own preparation, for the tab and the Outlook add-in (the same store as the chat card). */
export async function viewOwnPreparation(ctx: AppContext, actor: Actor, conversationId: string) {
  const { conversation } = await loadReadableConversation(ctx.db, actor, conversationId);
  if (!conversationPolicy.isParticipant(actor, conversation)) throw new AppError('FORBIDDEN');
  const own = await ownPreparation(ctx, actor.upn, conversationId);
  return { questions: own.questions, answers: own.answers ?? {}, open: !closedStatuses.has(conversation.status) };
}
