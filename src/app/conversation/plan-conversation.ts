import { createHash, randomUUID } from 'node:crypto';
import { planConversation } from '../../domain/conversation.js';
import type { TemplateItem } from '../../domain/template.js';
import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { requestSideEffects, requestSync } from './request-sync.js';
import { assertRoomForPlans } from './admission.js';
import { m365LinksRepository } from '../../store/m365-links-repository.js';
import type { AppContext } from '../app-context.js';

export interface PlanConversationCommand {
  schoolId: string;
  templateId: string;
  startsAt: Date;
  endsAt: Date;
  theme: string;
  extraTopics: string[];
  itemMinutes?: Record<string, number>;
  /** The agenda's items as edited on the plan page; the template's when absent. */
  items?: TemplateItem[];
  /**
   * A Teams meeting the municipal lead made in Outlook by hand and links from
   * the add-in: it becomes the conversation's event (updated, never created).
   */
  linkedEvent?: { eventId: string; iCalUId: string | null; joinUrl: string | null };
  /** The municipality's facilitator, invited with the school leader (the season planner). */
  facilitatorUpn?: string;
}

export interface PlanOptions {
  idempotencyKey?: string;
  /**
   * 'own': the conversation's own sync job (one plan); 'caller': the caller
   * queues one job for many conversations, so their Graph calls share batches.
   */
  sync?: 'own' | 'caller';
}

/**
 * "Plan samtale": checks everything first (nothing is stored and Graph is not
 * called for bad input), then writes the conversation and its sync job in one
 * transaction (outbox). The same request sent twice — a double click, a
 * retried request — returns the first conversation; another plan for the same
 * school at the same start says so instead of silently opening the first; the
 * same idempotency key with a different plan is refused.
 */
export async function planConversationCommand(
  ctx: AppContext,
  actor: Actor & { displayName: string },
  command: PlanConversationCommand,
  options: PlanOptions = {},
): Promise<{ id: string; created: boolean }> {
  const { idempotencyKey, sync = 'own' } = options;
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  if (sync === 'own') await assertRoomForPlans(ctx);
  const school = ctx.organisation.schools.find((s) => s.id === command.schoolId);
  if (!school) throw new AppError('SCHOOL_NOT_FOUND', { schoolId: command.schoolId });
  const template = ctx.templates.find((t) => t.id === command.templateId);
  if (!template) throw new AppError('TEMPLATE_NOT_FOUND', { templateId: command.templateId });
  const items = command.items ?? template.items;
  const unknownItems = Object.keys(command.itemMinutes ?? {}).filter((key) => !items.some((i) => i.key === key));
  if (unknownItems.length > 0) throw new AppError('VALIDATION_FAILED', { field: 'itemMinutes', unknownItems });

  const input = {
    id: randomUUID(),
    municipality: ctx.organisation.municipality,
    school: { id: school.id, name: school.name, leaderUpn: school.leaderUpn, leaderName: school.leaderUpn },
    organizer: { upn: actor.upn, displayName: actor.displayName },
    template,
    items,
    itemMinutes: command.itemMinutes,
    theme: command.theme,
    extraTopics: command.extraTopics,
    startsAt: command.startsAt,
    endsAt: command.endsAt,
  };
  // Domain rules first, so a refused plan costs no directory lookup.
  planConversation(input, ctx.now());
  const [leader, facilitator] = await Promise.all([
    ctx.directory.getUser(school.leaderUpn).catch(() => null),
    command.facilitatorUpn ? ctx.directory.getUser(command.facilitatorUpn).catch(() => null) : null,
  ]);
  const conversation = planConversation(
    {
      ...input,
      school: { ...input.school, leaderName: leader?.displayName ?? school.leaderUpn },
      ...(command.facilitatorUpn
        ? { facilitator: { upn: command.facilitatorUpn, displayName: facilitator?.displayName ?? command.facilitatorUpn } }
        : {}),
    },
    ctx.now(),
  );

  const requestHash = hashOf([actor.upn.toLowerCase(), command]);
  const key = idempotencyKey ?? hashOf([actor.upn.toLowerCase(), command.schoolId, command.startsAt.toISOString()]);
  const result = await ctx.db.transaction(async (tx) => {
    const inserted = await conversationRepository.insert(tx, conversation, key, requestHash);
    if (inserted.created && command.linkedEvent) {
      const { eventId, iCalUId, joinUrl } = command.linkedEvent;
      await m365LinksRepository.save(tx, inserted.id, { eventId, iCalUId, joinUrl });
    }
    if (inserted.created && sync === 'own') await requestSync(tx, inserted.id, 1, ['invitation', 'folder', 'agenda']);
    if (inserted.created && sync === 'caller') await requestSideEffects(tx, inserted.id, 1, ['invitation', 'folder', 'agenda']);
    return inserted;
  });
  if (result.created) {
    ctx.wakeJobs();
    return result;
  }
  // The same request again (a retry, a double click): the first answer.
  if (result.requestHash === requestHash) return { id: result.id, created: false };
  if (idempotencyKey && result.idempotencyKey === idempotencyKey) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  throw new AppError('CONVERSATION_EXISTS', { id: result.id, schoolName: school.name, startsAt: command.startsAt.toISOString() });
}

const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');
