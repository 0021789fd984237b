import { randomUUID } from 'node:crypto';
import { AppError, DomainError } from '../../domain/errors.js';
import { schoolYearOf } from '../../domain/school-year.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { planConversationCommand } from '../conversation/plan-conversation.js';
import { seasonSyncJob } from '../job-kinds.js';
import type { AppContext } from '../app-context.js';

export interface SeasonPlanCommand {
  templateId: string;
  theme: string;
  extraTopics: string[];
  facilitatorUpn: string | null;
  slots: { schoolId: string; startsAt: Date; endsAt: Date }[];
}

export type SeasonPlanOutcome =
  | { schoolId: string; outcome: 'planned'; conversationId: string }
  | { schoolId: string; outcome: 'alreadyPlanned'; conversationId: string }
  | { schoolId: string; outcome: 'refused'; code: string; details: Record<string, unknown> };

/**
 * "Planlæg sæsonen": each confirmed slot becomes a conversation, checked like
 * a plan made by hand; a slot the rules refuse is said per school and the
 * others are planned. A school with a conversation this school year is never
 * planned twice (sending the same season again changes nothing). The
 * invitations, folders and agendas then go out in one background job for
 * them all, so their Graph calls share JSON batches (20 requests per round
 * trip); each conversation's progress shows as its side effects.
 */
export async function planSeasonCommand(
  ctx: AppContext,
  actor: Actor & { displayName: string },
  command: SeasonPlanCommand,
): Promise<SeasonPlanOutcome[]> {
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  if (new Set(command.slots.map((s) => s.schoolId)).size !== command.slots.length)
    throw new AppError('VALIDATION_FAILED', { field: 'slots' });
  // Everyone's name at once (one batched round trip, then the directory's cache), not one lookup per plan.
  const people = [
    ...new Set(
      command.slots
        .map((s) => ctx.organisation.schools.find((school) => school.id === s.schoolId)?.leaderUpn)
        .concat(command.facilitatorUpn ?? undefined)
        .filter((u): u is string => Boolean(u)),
    ),
  ];
  await Promise.all(people.map((upn) => ctx.directory.getUser(upn).catch(() => null)));
  const outcomes: SeasonPlanOutcome[] = [];
  // Each school year's conversations read once (a season is one school year, usually).
  const planned = new Map<string, Map<string, string>>();
  const plannedIn = async (schoolYear: string) => {
    let bySchool = planned.get(schoolYear);
    if (!bySchool) {
      const stored = await conversationRepository.listForSchoolYear(ctx.db, schoolYear);
      bySchool = new Map(
        stored.filter((s) => s.conversation.status !== 'cancelled').map((s) => [s.conversation.schoolId, s.conversation.id]),
      );
      planned.set(schoolYear, bySchool);
    }
    return bySchool;
  };
  for (const slot of command.slots) {
    const schoolYear = schoolYearOf(slot.startsAt);
    const existingId = (await plannedIn(schoolYear)).get(slot.schoolId);
    const existing = existingId ? { conversation: { id: existingId } } : null;
    if (existing) {
      outcomes.push({ schoolId: slot.schoolId, outcome: 'alreadyPlanned', conversationId: existing.conversation.id });
      continue;
    }
    try {
      const { id } = await planConversationCommand(
        ctx,
        actor,
        {
          schoolId: slot.schoolId,
          templateId: command.templateId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          theme: command.theme,
          extraTopics: command.extraTopics,
          ...(command.facilitatorUpn ? { facilitatorUpn: command.facilitatorUpn } : {}),
        },
        // One conversation per school and school year from the season: the same season sent twice plans once.
        { idempotencyKey: `season:${schoolYear}:${slot.schoolId}`, sync: 'caller' },
      );
      outcomes.push({ schoolId: slot.schoolId, outcome: 'planned', conversationId: id });
      (await plannedIn(schoolYear)).set(slot.schoolId, id);
    } catch (error) {
      if (!(error instanceof DomainError || error instanceof AppError)) throw error;
      outcomes.push({ schoolId: slot.schoolId, outcome: 'refused', code: error.code, details: error.details });
    }
  }
  const created = outcomes.filter((o) => o.outcome === 'planned').map((o) => (o as { conversationId: string }).conversationId);
  if (created.length > 0) {
    await ctx.db.transaction((tx) => seasonSyncJob.enqueue(tx, { runId: randomUUID(), conversationIds: created }));
    ctx.wakeJobs();
  }
  return outcomes;
}
