import { createHash, randomUUID } from 'node:crypto';
import { planConversation } from '../../domain/conversation.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { requestSync } from './request-sync.js';
import { AppError } from '../../domain/errors.js';
import type { AppContext } from '../app-context.js';

export interface PlanConversationCommand {
  schoolId: string;
  templateId: string;
  startsAt: Date;
  endsAt: Date;
  theme: string;
  extraTopics: string[];
  itemMinutes?: Record<string, number>;
}

/**
 * "Plan samtale": checks everything first (nothing is stored and Graph is not
 * called for bad input), then writes the conversation and its sync job in one
 * transaction (outbox). The same plan sent twice — a double click, a retried
 * request — returns the first conversation.
 */
export async function planConversationCommand(
  ctx: AppContext,
  actor: Actor & { displayName: string },
  command: PlanConversationCommand,
  idempotencyKey?: string,
): Promise<{ id: string; created: boolean }> {
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  const school = ctx.organisation.schools.find((s) => s.id === command.schoolId);
  if (!school) throw new AppError('SCHOOL_NOT_FOUND', { schoolId: command.schoolId });
  const template = ctx.templates.find((t) => t.id === command.templateId);
  if (!template) throw new AppError('TEMPLATE_NOT_FOUND', { templateId: command.templateId });
  const unknownItems = Object.keys(command.itemMinutes ?? {}).filter((key) => !template.items.some((i) => i.key === key));
  if (unknownItems.length > 0) throw new AppError('VALIDATION_FAILED', { field: 'itemMinutes', unknownItems });

  const input = {
    id: randomUUID(),
    municipality: ctx.organisation.municipality,
    school: { id: school.id, name: school.name, leaderUpn: school.leaderUpn, leaderName: school.leaderUpn },
    organizer: { upn: actor.upn, displayName: actor.displayName },
    template,
    itemMinutes: command.itemMinutes,
    theme: command.theme,
    extraTopics: command.extraTopics,
    startsAt: command.startsAt,
    endsAt: command.endsAt,
  };
  // Domain rules first, so a refused plan costs no directory lookup.
  planConversation(input, ctx.now());
  const leader = await ctx.directory.getUser(school.leaderUpn).catch(() => null);
  const conversation = planConversation(
    { ...input, school: { ...input.school, leaderName: leader?.displayName ?? school.leaderUpn } },
    ctx.now(),
  );

  const key = idempotencyKey ?? defaultIdempotencyKey(actor.upn, command);
  const result = await ctx.db.transaction(async (tx) => {
    const inserted = await conversationRepository.insert(tx, conversation, key);
    if (inserted.created) await requestSync(tx, inserted.id, 1, ['invitation', 'folder', 'agenda']);
    return inserted;
  });
  if (result.created) ctx.wakeJobs();
  return result;
}

/** Without a client key, the same organiser planning the same school at the same time is the same plan. */
function defaultIdempotencyKey(upn: string, command: PlanConversationCommand): string {
  return createHash('sha256')
    .update(JSON.stringify([upn.toLowerCase(), command.schoolId, command.startsAt.toISOString()]))
    .digest('hex');
}
