import { overdueFor, phasesOf, type Overdue, type Phase } from '../../domain/annual-cycle.js';
import { checkRequirements, type RequirementKey } from '../../domain/requirements-checklist.js';
import { schoolYearOf } from '../../domain/school-year.js';
import { toCopenhagenWallClock } from '../../domain/copenhagen-time.js';
import type { Conversation } from '../../domain/conversation.js';
import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { sideEffectsRepository } from '../../store/side-effects-repository.js';
import { evaluationsRepository } from '../../store/evaluations-repository.js';
import { schoolPlansRepository } from '../../store/school-plans-repository.js';
import { yearRepository } from '../../store/year-repository.js';
import type { AppContext } from '../app-context.js';

export interface SchoolInYear {
  schoolId: string;
  schoolName: string;
  leaderUpn: string;
  conversation: Conversation | null;
  agendaSentInTime: boolean | null;
  minutesApproved: boolean;
  notePublished: boolean;
  websiteLinked: boolean;
  /** § 40 a: requirements met (or not applicable) of seven, and those missing. */
  requirementsMet: number;
  missingRequirements: RequirementKey[];
  evaluationResponses: number;
  /** Microsoft 365 side: done of all, and whether any failed (the season planner's progress). */
  sideEffects: { done: number; total: number; failed: number };
  overdue: Overdue[];
  /** Why the school had no conversation this year (the municipal lead's words, for the committee). */
  reason: string | null;
}

export interface YearView {
  schoolYear: string;
  phases: Phase[];
  schools: SchoolInYear[];
}

/** The school's conversation of the year: the one held or planned; a cancelled one only when there is no other. */
const conversationOfSchool = (all: readonly Conversation[], schoolId: string) => {
  const mine = all.filter((c) => c.schoolId === schoolId);
  return mine.filter((c) => c.status !== 'cancelled').at(-1) ?? mine.at(-1) ?? null;
};

/**
 * The annual cycle for the municipal lead: the year's phases, and each
 * school's state — planned, agenda in time, held, minutes approved, note
 * published and linked, § 40 a, evaluation — with what is overdue.
 */
export async function viewYear(ctx: AppContext, actor: Actor, schoolYear?: string): Promise<YearView> {
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  const now = ctx.now();
  const year = schoolYear ?? schoolYearOf(now);
  const phases = phasesOf(year, ctx.organisation.annualCycle, toCopenhagenWallClock(now).slice(0, 10));
  const all = (await conversationRepository.listForSchoolYear(ctx.db, year)).map((s) => s.conversation);
  const reasons = await yearRepository.reasons(ctx.db, year);
  const schools: SchoolInYear[] = [];
  for (const school of ctx.organisation.schools) {
    const c = conversationOfSchool(all, school.id);
    const minutes = c ? await minutesRepository.get(ctx.db, c.id) : null;
    const effects = c ? await sideEffectsRepository.list(ctx.db, c.id) : [];
    const requirements = c
      ? checkRequirements(c, {
          schoolHasActionPlan: Boolean(school.actionPlan) || (await schoolPlansRepository.get(ctx.db, school.id)) !== null,
          notePublished: c.status === 'published',
          websiteUrlRecorded: Boolean(minutes?.websiteUrl),
          earlierConversations: await conversationRepository.countEarlier(ctx.db, school.id, c.startsAt),
        })
      : [];
    const evaluationResponses = c ? (await evaluationsRepository.forConversation(ctx.db, c.id)).length : 0;
    const requirementsMet = requirements.filter((r) => r.status !== 'missing').length;
    const facts = {
      conversation: c,
      minutesApprovedAt: minutes?.approvedAt ?? null,
      websiteUrl: minutes?.websiteUrl ?? null,
      requirementsMet,
      evaluationResponses,
    };
    schools.push({
      schoolId: school.id,
      schoolName: school.name,
      leaderUpn: school.leaderUpn,
      conversation: c,
      agendaSentInTime: c?.agendaSentAt ? c.agendaSentAt.getTime() <= c.startsAt.getTime() - 7 * 86_400_000 : null,
      minutesApproved: Boolean(minutes?.approvedAt),
      notePublished: c?.status === 'published',
      websiteLinked: Boolean(minutes?.websiteUrl),
      requirementsMet,
      missingRequirements: requirements.filter((r) => r.status === 'missing').map((r) => r.key),
      evaluationResponses,
      sideEffects: {
        done: effects.filter((e) => e.status === 'done').length,
        total: effects.length,
        failed: effects.filter((e) => e.status === 'failed').length,
      },
      overdue: overdueFor(facts, phases, now),
      reason: reasons.get(school.id) ?? null,
    });
  }
  return { schoolYear: year, phases, schools };
}
