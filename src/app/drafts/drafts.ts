import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { minutesDraftSchema } from '../../domain/minutes.js';
import { invitedRoles } from '../../domain/roles.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { draftsRepository, type StoredDraft } from '../../store/drafts-repository.js';
import { loadReadableConversation } from '../conversation/load-conversation.js';
import type { AppContext } from '../app-context.js';

/**
 * What a person has typed but not saved, kept on the server as they type so a
 * closed tab, a lost connection or a save that met someone else's newer
 * version never loses a word. Each form's draft has its own shape, parsed
 * like any other input.
 */
export const draftSchemas = {
  schoolPart: z.object({
    developmentAreas: z.string().max(4000),
    learningFocus: z.string().max(500),
    participants: z
      .array(
        z.object({
          upn: z.string().max(200),
          displayName: z.string().max(200),
          role: z.enum(invitedRoles),
          external: z.boolean().optional(),
        }),
      )
      .max(40),
  }),
  minutes: minutesDraftSchema,
} as const;
export type DraftKind = keyof typeof draftSchemas;
export const draftKindSchema = z.enum(['schoolPart', 'minutes']);

async function assertMayWrite(ctx: AppContext, actor: Actor, conversationId: string, kind: DraftKind) {
  const { conversation } = await loadReadableConversation(ctx.db, actor, conversationId);
  const may =
    kind === 'schoolPart'
      ? conversationPolicy.canEditSchoolPart(actor, conversation)
      : conversationPolicy.canEditMinutes(actor, conversation);
  if (!may) throw new AppError('FORBIDDEN');
}

export async function viewDraft(ctx: AppContext, actor: Actor, conversationId: string, kind: DraftKind): Promise<StoredDraft | null> {
  await assertMayWrite(ctx, actor, conversationId, kind);
  return draftsRepository.get(ctx.db, conversationId, actor.upn, kind);
}

export async function saveDraft(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  kind: DraftKind,
  content: unknown,
  basedOnVersion: number,
): Promise<Date> {
  await assertMayWrite(ctx, actor, conversationId, kind);
  const parsed = draftSchemas[kind].parse(content);
  return draftsRepository.save(ctx.db, conversationId, actor.upn, kind, parsed, basedOnVersion);
}

export async function discardDraft(ctx: AppContext, actor: Actor, conversationId: string, kind: DraftKind): Promise<void> {
  await assertMayWrite(ctx, actor, conversationId, kind);
  await draftsRepository.remove(ctx.db, conversationId, actor.upn, kind);
}
