import { describeSchoolPart, replaceInvitedParticipants } from '../../domain/conversation.js';
import type { Role } from '../../domain/roles.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

export interface UpdateSchoolPartCommand {
  version: number;
  developmentAreas: string;
  learningFocus: string;
  participants: { upn: string; role: Exclude<Role, 'municipalLead' | 'schoolLeader'> }[];
}

/**
 * The school leader's part: development areas, learning focus and invitees.
 * Invitees must exist in the directory (their names come from there). Saved as
 * a draft; "Send dagsorden" is what reaches Outlook.
 */
export async function updateSchoolPart(ctx: AppContext, actor: Actor, id: string, command: UpdateSchoolPartCommand): Promise<number> {
  const { conversation } = await loadReadableConversation(ctx.db, actor, id);
  if (!conversationPolicy.canEditSchoolPart(actor, conversation)) throw new AppError('FORBIDDEN');
  const known = new Map(conversation.participants.map((p) => [p.upn.toLowerCase(), p.displayName]));
  const invited = await Promise.all(
    command.participants.map(async (p) => {
      const displayName = known.get(p.upn.toLowerCase()) ?? (await ctx.directory.getUser(p.upn))?.displayName;
      if (!displayName) throw new AppError('USER_NOT_FOUND', { upn: p.upn });
      return { upn: p.upn, displayName, role: p.role };
    }),
  );
  const updated = replaceInvitedParticipants(describeSchoolPart(conversation, command.developmentAreas, command.learningFocus), invited);
  return ctx.db.transaction((tx) => conversationRepository.update(tx, updated, command.version));
}
