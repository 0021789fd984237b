import type { Actor } from '../../policies/conversation-policy.js';
import { conversationRepository, type StoredConversation } from '../../store/conversation-repository.js';
import type { AppContext } from '../app-context.js';

/** The conversations a person may see: all of the municipality's for a municipal lead, else those they take part in. */
export const listConversations = (ctx: AppContext, actor: Actor): Promise<StoredConversation[]> =>
  conversationRepository.listVisible(ctx.db, actor.upn, actor.isMunicipalLead);

export type { StoredConversation };
