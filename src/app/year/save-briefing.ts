import { briefingSaveProblem } from '../../domain/briefing.js';
import { AppError } from '../../domain/errors.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { yearRepository } from '../../store/year-repository.js';
import { renderBriefingDocx } from '../../documents/briefing-docx.js';
import { docxContentType } from '../../documents/content-types.js';
import { serverTexts, interpolate } from '../../i18n/messages.js';
import { briefingSaveJob } from '../job-kinds.js';
import { asRemoteError } from '../ports/remote-error.js';
import type { JobAttempt } from '../../jobs/job-kind.js';
import type { AppContext } from '../app-context.js';
import { viewBriefing } from './briefing.js';

const texts = serverTexts.da;

/**
 * "Gem orienteringen": never with a blocking finding (a test-result level, a
 * CPR number), and only once the lead has confirmed every warning. Each save
 * is a new version, written to SharePoint by a background job.
 */
export async function saveBriefingCommand(
  ctx: AppContext,
  actor: Actor,
  schoolYear: string,
  confirmed: readonly string[],
): Promise<{ version: number }> {
  if (!conversationPolicy.canPlan(actor)) throw new AppError('FORBIDDEN');
  const view = await viewBriefing(ctx, actor, schoolYear);
  const problem = briefingSaveProblem(view.findings, confirmed);
  if (problem === 'blocked') throw new AppError('BRIEFING_BLOCKED');
  if (problem === 'unconfirmed') throw new AppError('BRIEFING_UNCONFIRMED');
  const version = await ctx.db.transaction(async (tx) => {
    const next = await yearRepository.newBriefing(tx, view.schoolYear, actor.upn);
    await briefingSaveJob.enqueue(tx, { schoolYear: view.schoolYear, version: next, actorUpn: actor.upn, confirmed: [...confirmed] });
    return next;
  });
  ctx.wakeJobs();
  return { version };
}

/** The job: the briefing as it stands now, checked again, as a Word file in the year's folder in SharePoint. */
export async function writeBriefing(
  ctx: AppContext,
  job: { schoolYear: string; version: number; actorUpn: string; confirmed: string[] },
  attempt: JobAttempt,
): Promise<void> {
  const lead = { upn: job.actorUpn, isMunicipalLead: true };
  const view = await viewBriefing(ctx, lead, job.schoolYear);
  // Something new since the lead confirmed (a note published meanwhile) is not saved unchecked.
  if (briefingSaveProblem(view.findings, job.confirmed)) {
    await yearRepository.markBriefing(ctx.db, job.schoolYear, job.version, { error: 'BRIEFING_CHANGED' });
    return;
  }
  try {
    const content = await renderBriefingDocx({ ...view, version: job.version });
    const item = await ctx.library.upload([texts.documents.rootFolder, job.schoolYear.replace('/', '-'), texts.briefing.folder], {
      fileName: interpolate(texts.briefing.fileName, { year: job.schoolYear.replace('/', '-'), version: job.version }),
      content,
      contentType: docxContentType,
    });
    await yearRepository.markBriefing(ctx.db, job.schoolYear, job.version, { webUrl: item.webUrl, driveItemId: item.id });
  } catch (error) {
    const remote = asRemoteError(error, 'BriefingUploadFailed');
    if (attempt.isLast) await yearRepository.markBriefing(ctx.db, job.schoolYear, job.version, { error: remote.code });
    throw remote;
  }
}
