import { checkBriefing, minimumGroup, type BriefingFinding, type BriefingText } from '../../domain/briefing.js';
import { summarizeEvaluations, type EvaluationSummary } from '../../domain/evaluation.js';
import type { AgreementStatus } from '../../domain/follow-up.js';
import { overrunsAcross, timeUse, type OverrunAcross } from '../../domain/time-use.js';
import type { RequirementKey } from '../../domain/requirements-checklist.js';
import type { Actor } from '../../policies/conversation-policy.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { agreementsRepository } from '../../store/agreements-repository.js';
import { evaluationsRepository } from '../../store/evaluations-repository.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { meetingRunsRepository } from '../../store/meeting-runs-repository.js';
import { yearRepository, type Briefing } from '../../store/year-repository.js';
import type { AppContext } from '../app-context.js';
import { viewYear } from './view-year.js';

export interface BriefingView {
  schoolYear: string;
  municipality: string;
  generatedAt: Date;
  counts: { schools: number; held: number; planned: number; without: number; notesPublished: number; notesLinked: number };
  /** The year's themes and the municipality's topics, with how many schools' conversations took them up. */
  themes: { text: string; schools: number }[];
  agreements: { byStatus: Record<AgreementStatus, number>; items: { schoolName: string; what: string; status: AgreementStatus }[] };
  /** The participants' evaluation across the schools; null below five answers (nobody told apart). */
  evaluation: EvaluationSummary | null;
  evaluationResponses: number;
  /** Average rating per school this year and per school year overall — only groups of five answers or more. */
  ratingsBySchool: { label: string; average: number }[];
  ratingsByYear: { label: string; average: number }[];
  withoutConversation: { schoolName: string; reason: string | null }[];
  requirements: { schoolName: string; met: number; missing: RequirementKey[] }[];
  overrunItems: OverrunAcross[];
  notes: { schoolName: string; text: string }[];
  findings: BriefingFinding[];
  versions: Briefing[];
}

/**
 * The briefing for the political committee, built from the year's
 * conversations: themes across schools, agreements and where they stand, what
 * the evaluations say, schools without a conversation and why, § 40 a per
 * school, overrunning items, the published notes. No owners' names and no
 * answers from groups under five; every text checked by the publication guard.
 */
export async function viewBriefing(ctx: AppContext, actor: Actor, schoolYear?: string): Promise<BriefingView> {
  const year = await viewYear(ctx, actor, schoolYear);
  const stored = (await conversationRepository.listForSchoolYear(ctx.db, year.schoolYear)).filter(
    (s) => s.conversation.status !== 'cancelled',
  );
  const conversations = stored.map((s) => s.conversation);
  const nameOf = (schoolId: string) => ctx.organisation.schools.find((s) => s.id === schoolId)?.name ?? schoolId;

  const themeCounts = new Map<string, Set<string>>();
  for (const c of conversations)
    for (const text of [c.theme, ...c.extraTopics].map((t) => t.trim()).filter(Boolean)) {
      const schools = themeCounts.get(text) ?? new Set();
      schools.add(c.schoolId);
      themeCounts.set(text, schools);
    }
  const themes = [...themeCounts.entries()]
    .map(([text, schools]) => ({ text, schools: schools.size }))
    .sort((a, b) => b.schools - a.schools);

  const agreements = (await agreementsRepository.forSchoolYear(ctx.db, year.schoolYear)).map((a) => ({
    ...a,
    schoolName: nameOf(a.schoolId),
  }));
  const byStatus: Record<AgreementStatus, number> = { open: 0, inProgress: 0, done: 0, dropped: 0 };
  for (const a of agreements) byStatus[a.status]++;

  const everyAnswer = await evaluationsRepository.all(ctx.db);
  const answers = everyAnswer.filter((e) => e.schoolYear === year.schoolYear);
  const evaluation = answers.length >= minimumGroup ? summarizeEvaluations(answers) : null;
  const averages = (groups: Map<string, { rating: number }[]>) =>
    [...groups.entries()]
      .filter(([, group]) => group.length >= minimumGroup)
      .map(([label, group]) => ({ label, average: Math.round((group.reduce((s, e) => s + e.rating, 0) / group.length) * 10) / 10 }));
  const group = <T extends { rating: number }>(items: readonly T[], key: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
  };
  const schoolOfConversation = new Map(conversations.map((c) => [c.id, c.schoolName]));
  const ratingsBySchool = averages(group(answers, (e) => schoolOfConversation.get(e.conversationId) ?? ''));
  const ratingsByYear = averages(group(everyAnswer, (e) => e.schoolYear)).sort((a, b) => a.label.localeCompare(b.label));

  const runs = await meetingRunsRepository.started(ctx.db);
  const overrunItems = overrunsAcross(
    runs.flatMap(({ conversationId, run }) => {
      const c = conversations.find((x) => x.id === conversationId);
      return c ? [timeUse(run, c.template.items, ctx.now())] : [];
    }),
  );

  const notes: BriefingView['notes'] = [];
  for (const c of conversations.filter((x) => x.status === 'published')) {
    const minutes = await minutesRepository.get(ctx.db, c.id);
    if (minutes.content.publicNote.trim()) notes.push({ schoolName: c.schoolName, text: minutes.content.publicNote });
  }

  const withoutConversation = year.schools
    .filter((s) => !s.conversation || s.conversation.status === 'cancelled')
    .map((s) => ({ schoolName: s.schoolName, reason: s.reason }));
  const texts: BriefingText[] = [
    ...themes.map((t) => ({ section: 'themes', label: '', text: t.text })),
    ...agreements.map((a) => ({ section: 'agreements', label: a.schoolName, text: a.what })),
    ...(evaluation ? [...evaluation.wentWell, ...evaluation.adjust, ...evaluation.carryForward] : []).map((text) => ({
      section: 'evaluation',
      label: '',
      text,
    })),
    ...withoutConversation.filter((w) => w.reason).map((w) => ({ section: 'withoutConversation', label: w.schoolName, text: w.reason! })),
    ...notes.map((n) => ({ section: 'notes', label: n.schoolName, text: n.text })),
  ];
  const findings = checkBriefing(texts, {
    people: conversations.flatMap((c) => c.participants.map((p) => ({ displayName: p.displayName }))),
    institutions: [ctx.organisation.municipality, ...ctx.organisation.schools.map((s) => s.name)],
    lexicon: ctx.lexicon(),
  });

  return {
    schoolYear: year.schoolYear,
    municipality: ctx.organisation.municipality,
    generatedAt: ctx.now(),
    counts: {
      schools: year.schools.length,
      held: year.schools.filter(
        (s) => s.conversation && ['held', 'minutesDrafted', 'minutesApproved', 'published'].includes(s.conversation.status),
      ).length,
      planned: year.schools.filter((s) => s.conversation && s.conversation.status !== 'cancelled').length,
      without: withoutConversation.length,
      notesPublished: year.schools.filter((s) => s.notePublished).length,
      notesLinked: year.schools.filter((s) => s.websiteLinked).length,
    },
    themes,
    agreements: { byStatus, items: agreements.map(({ schoolName, what, status }) => ({ schoolName, what, status })) },
    evaluation,
    evaluationResponses: answers.length,
    ratingsBySchool,
    ratingsByYear,
    withoutConversation,
    requirements: year.schools
      .filter((s) => s.conversation && s.conversation.status !== 'cancelled')
      .map((s) => ({ schoolName: s.schoolName, met: s.requirementsMet, missing: s.missingRequirements })),
    overrunItems,
    notes,
    findings,
    versions: await yearRepository.briefings(ctx.db, year.schoolYear),
  };
}
