import { proposeSeason, type Interval, type Proposal } from '../../domain/season-planner.js';
import { totalMinutes } from '../../domain/agenda-timing.js';
import { schoolYearOf } from '../../domain/school-year.js';
import { toCopenhagenWallClock } from '../../domain/copenhagen-time.js';
import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import type { PersonalCalendar } from '../ports/calendar-gateway.js';
import type { AppContext } from '../app-context.js';
import { RemoteError } from '../ports/remote-error.js';

export interface SeasonProposalRequest {
  /** Copenhagen dates, inclusive. */
  from: string;
  to: string;
  templateId: string;
  facilitatorUpn: string | null;
}

export interface SeasonProposal {
  schoolYear: string;
  meetingMinutes: number;
  proposals: (Proposal & { schoolName: string; leaderUpn: string })[];
  /** Schools that already have a conversation this school year: shown, never planned twice. */
  alreadyPlanned: { schoolId: string; schoolName: string; conversationId: string; startsAt: Date }[];
  /** Calendars Exchange would not give: planned without, and said. */
  unreadable: string[];
}

const dayStart = (date: string) => new Date(`${date}T00:00:00Z`).getTime() - 2 * 3600_000;

/**
 * The season planner's proposal: for every school without a conversation this
 * school year, a slot when its leader, the municipal lead and the facilitator
 * are free (their free/busy read as the lead, who may see it), on school days,
 * clear of each other and of conversations planned before. Nothing is stored.
 */
export async function proposeSeasonSlots(
  ctx: AppContext,
  actor: Actor,
  calendar: PersonalCalendar,
  request: SeasonProposalRequest,
): Promise<SeasonProposal> {
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(request.from) || !/^\d{4}-\d{2}-\d{2}$/.test(request.to) || request.to < request.from)
    throw new AppError('VALIDATION_FAILED', { field: 'to' });
  if (dayStart(request.to) - dayStart(request.from) > 200 * 86_400_000) throw new AppError('VALIDATION_FAILED', { field: 'to' });
  const template = ctx.templates.find((t) => t.id === request.templateId);
  if (!template) throw new AppError('TEMPLATE_NOT_FOUND', { templateId: request.templateId });
  if (request.facilitatorUpn && !ctx.organisation.facilitators.some((f) => f.toLowerCase() === request.facilitatorUpn!.toLowerCase()))
    throw new AppError('VALIDATION_FAILED', { field: 'facilitatorUpn' });

  const schoolYear = schoolYearOf(new Date(`${request.from}T12:00:00Z`));
  const existing = (await conversationRepository.listForSchoolYear(ctx.db, schoolYear)).filter(
    (s) => s.conversation.status !== 'cancelled',
  );
  const alreadyPlanned = existing.map(({ conversation: c }) => ({
    schoolId: c.schoolId,
    schoolName: c.schoolName,
    conversationId: c.id,
    startsAt: c.startsAt,
  }));
  const open = ctx.organisation.schools.filter((s) => !alreadyPlanned.some((p) => p.schoolId === s.id));
  const common = [actor.upn, ...(request.facilitatorUpn ? [request.facilitatorUpn] : [])];
  const people = [...new Set([...common, ...open.map((s) => s.leaderUpn)].map((u) => u.toLowerCase()))];

  // Free/busy from the first day to eight weeks past the last (where the nearest free slot is looked for).
  const from = new Date(dayStart(request.from));
  const to = new Date(dayStart(request.to) + (1 + 56) * 86_400_000);
  const busy = people.length
    ? await calendar.freeBusy(people, from, to).catch((error: unknown) => {
        // Nobody's free/busy at all: Microsoft 365 is not answering; say so rather than propose blind.
        throw error instanceof RemoteError ? error : new RemoteError(503, 'FreeBusyFailed', String(error));
      })
    : new Map<string, Interval[] | null>();
  for (const upn of people) if (!busy.has(upn)) busy.set(upn, null);

  const taken = existing.map(({ conversation: c }) => ({ start: c.startsAt, end: c.endsAt }));
  // Never a day that has begun: the first day offered is tomorrow at the earliest.
  const tomorrow = toCopenhagenWallClock(new Date(ctx.now().getTime() + 86_400_000)).slice(0, 10);
  const proposals = proposeSeason({
    from: request.from > tomorrow ? request.from : tomorrow,
    to: request.to,
    meetingMinutes: totalMinutes(template.items),
    schools: open.map((s) => ({ id: s.id, attendees: [s.leaderUpn, ...common] })),
    busy,
    holidays: ctx.organisation.schoolHolidays,
    taken,
  });
  return {
    schoolYear,
    meetingMinutes: totalMinutes(template.items),
    proposals: proposals.map((p) => {
      const school = open.find((s) => s.id === p.schoolId)!;
      return { ...p, schoolName: school.name, leaderUpn: school.leaderUpn };
    }),
    alreadyPlanned,
    unreadable: people.filter((upn) => busy.get(upn) === null),
  };
}
