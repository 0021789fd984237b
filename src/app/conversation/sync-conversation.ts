import type { Conversation } from '../../domain/conversation.js';
import { markInvited } from '../../domain/conversation.js';
import { conversationRepository } from '../../store/conversation-repository.js';
import { m365LinksRepository, type M365Links } from '../../store/m365-links-repository.js';
import { documentsRepository } from '../../store/documents-repository.js';
import { agreementsRepository } from '../../store/agreements-repository.js';
import { buildAgendaView } from '../../documents/agenda-view.js';
import { agendaRenderer } from '../../documents/agenda-renderer.js';
import { conversationFolder, folderLeaf } from '../../documents/conversation-folder.js';
import { docxContentType } from '../../documents/content-types.js';
import { serverTexts } from '../../i18n/messages.js';
import type { JobAttempt } from '../../jobs/job-kind.js';
import { asRemoteError, RemoteError } from '../ports/remote-error.js';
import { meetingInvitation, invitationHash } from './meeting-invitation.js';
import { joinTeamsMeeting } from './join-teams-meeting.js';
import { sideEffectRecorder, type SideEffectReport } from './side-effect-recorder.js';
import type { AppContext } from '../app-context.js';

const texts = serverTexts.da.documents;
/** Graph's simple PUT of content is for files up to 4 MB. */
const replaceByIdLimitBytes = 4 * 1024 * 1024;

/** What failed in one run; thrown at the end, so everything that could go did go before the job is retried. */
class Failures {
  private readonly errors: RemoteError[] = [];
  add(error: RemoteError): RemoteError {
    this.errors.push(error);
    return error;
  }
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const retryAfterMs = Math.max(0, ...this.errors.map((e) => e.retryAfterMs ?? 0));
    throw new RemoteError(503, 'SyncIncomplete', this.errors.map((e) => e.message).join('; '), retryAfterMs);
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: RemoteError };
const outcome = <T>(result: PromiseSettledResult<T>): Outcome<T> =>
  result.status === 'fulfilled' ? { ok: true, value: result.value } : { ok: false, error: asRemoteError(result.reason) };

/**
 * Brings a conversation's Microsoft 365 side up to date in two steps, each a
 * set of independent writes made together (the Graph adapter sends each set
 * as one JSON batch):
 *  1. the agenda .docx (which creates the folder path) and any data-package
 *     files waiting in the database;
 *  2. the Teams meeting — created once (the conversation id is its
 *     transaction id) or updated when the invitation changed — and the
 *     folder's link;
 *  3. the app in the Teams meeting's chat (join-teams-meeting.ts).
 * Each outcome is recorded, so a retry repeats only what is missing.
 */
export async function syncConversation(ctx: AppContext, conversationId: string, attempt: JobAttempt): Promise<void> {
  const stored = await conversationRepository.get(ctx.db, conversationId);
  if (!stored) return;
  const { conversation } = stored;
  const report = sideEffectRecorder(ctx.db, conversationId, attempt, stored.version);
  const links = await m365LinksRepository.get(ctx.db, conversationId);
  if (conversation.status === 'cancelled') return cancelMeeting(ctx, conversation, links, report);

  const failures = new Failures();
  const placed = await followMovedFolder(ctx, conversation, links, report);
  const followUp = await agreementsRepository.forFollowUp(ctx.db, conversation.schoolId, conversation.startsAt, stored.createdAt);
  // The data package read once; again only when files went to SharePoint (their links are new).
  const before = await documentsRepository.overview(ctx.db, conversationId);
  const agendaLinks = await uploadAgendaAndDocuments(ctx, conversation, placed, followUp, report, failures, before);
  const documents = before.waitingUploads || before.waitingRemovals ? await linkedDocuments(ctx, conversationId) : asLinks(before.active);
  const view = buildAgendaView(conversation, {
    documents,
    agendaUrl: agendaLinks.agendaWebUrl,
    joinUrl: links.joinUrl,
    followUp,
    drawnAt: ctx.now(),
  });
  const invited = await sendInvitationAndFolderLink(ctx, stored, agendaLinks, meetingInvitation(conversation, view), report, failures);
  await joinTeamsMeeting(ctx, conversation, invited, report, (error) => failures.add(error));
  failures.throwIfAny();
}

/**
 * Many conversations at once (a season): their syncs side by side, so the
 * Graph executor puts their calls into shared JSON batches. One failing does
 * not stop the others; the job is retried if any failed, and each repeats
 * only what it is missing.
 */
export async function syncConversations(ctx: AppContext, conversationIds: readonly string[], attempt: JobAttempt): Promise<void> {
  const results = await Promise.allSettled(conversationIds.map((id) => syncConversation(ctx, id, attempt)));
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => asRemoteError(r.reason));
  if (failed.length > 0)
    throw new RemoteError(
      503,
      'SeasonSyncIncomplete',
      `${failed.length} of ${conversationIds.length}`,
      Math.max(0, ...failed.map((e) => e.retryAfterMs ?? 0)),
    );
}

const asLinks = (documents: readonly { fileName: string; webUrl: string | null }[]) =>
  documents.map((d) => ({ name: d.fileName, url: d.webUrl }));
const linkedDocuments = async (ctx: AppContext, conversationId: string) => asLinks(await documentsRepository.list(ctx.db, conversationId));

/** Step 1: the agenda and the waiting files, together. */
async function uploadAgendaAndDocuments(
  ctx: AppContext,
  conversation: Conversation,
  links: M365Links,
  followUp: Parameters<typeof buildAgendaView>[1]['followUp'],
  report: SideEffectReport,
  failures: Failures,
  documents: Awaited<ReturnType<typeof documentsRepository.overview>>,
): Promise<M365Links> {
  const folder = links.folderPath ?? conversationFolder(conversation);
  const removal = documents.waitingRemovals ? await removeDocuments(ctx, failures, conversation.id) : { count: 0, error: null };
  const pending = documents.waitingUploads ? await documentsRepository.pendingUploads(ctx.db, conversation.id) : [];
  const agendaDocx = await agendaRenderer.render(
    buildAgendaView(conversation, {
      documents: asLinks(documents.active),
      agendaUrl: links.agendaWebUrl,
      joinUrl: links.joinUrl,
      followUp,
      drawnAt: ctx.now(),
    }),
  );
  const [agenda, ...uploads] = (
    await Promise.allSettled([
      ctx.library.upload(folder, { fileName: texts.agendaFileName, content: agendaDocx, contentType: docxContentType }),
      ...pending.map((d) => {
        const file = { fileName: d.fileName, content: d.content, contentType: d.contentType };
        // A replaced file keeps its SharePoint item, so links to it in mails and the agenda still work.
        // Large content goes by path through an upload session, which replaces the same item too.
        return d.replaced && d.driveItemId && d.content.length <= replaceByIdLimitBytes
          ? ctx.library.replace(d.driveItemId, file)
          : ctx.library.upload(folder, file);
      }),
    ])
  ).map(outcome);

  let updated = links;
  if (agenda!.ok) {
    const item = agenda!.value;
    updated = {
      ...links,
      agendaItemId: item.id,
      agendaWebUrl: item.webUrl,
      folderItemId: item.parentId ?? links.folderItemId,
      folderPath: [...folder],
    };
    await m365LinksRepository.save(ctx.db, conversation.id, {
      agendaItemId: updated.agendaItemId,
      agendaWebUrl: updated.agendaWebUrl,
      folderItemId: updated.folderItemId,
      folderPath: updated.folderPath,
    });
    await report(['agenda', 'folder'], null);
  } else {
    failures.add(agenda!.error);
    await report('agenda', agenda!.error);
    if (!links.folderItemId) await report('folder', agenda!.error);
  }

  let documentError: RemoteError | null = removal.error;
  for (const [index, upload] of uploads.entries()) {
    if (upload.ok) await documentsRepository.markUploaded(ctx.db, pending[index]!.id, upload.value.id, upload.value.webUrl);
    else documentError = failures.add(upload.error);
  }
  if (removal.count > 0 || documents.active.length > 0) await report('documents', documentError);
  return updated;
}

/** Files taken out of the data package: their SharePoint items go first, so a new file of the same name can take the place. */
async function removeDocuments(
  ctx: AppContext,
  failures: Failures,
  conversationId: string,
): Promise<{ count: number; error: RemoteError | null }> {
  const removed = await documentsRepository.pendingRemovals(ctx.db, conversationId);
  let error: RemoteError | null = null;
  for (const document of removed) {
    try {
      if (document.driveItemId) await ctx.library.remove(document.driveItemId);
      await documentsRepository.purgeRemoved(ctx.db, document.id);
    } catch (cause) {
      error = failures.add(asRemoteError(cause, 'RemoveFailed'));
    }
  }
  return { count: removed.length, error };
}

/** Step 2: the invitation, sent or updated only when it changed, and the folder's link, together; returns the links as they now are. */
async function sendInvitationAndFolderLink(
  ctx: AppContext,
  stored: { conversation: Conversation; version: number },
  links: M365Links,
  invitation: ReturnType<typeof meetingInvitation>,
  report: SideEffectReport,
  failures: Failures,
): Promise<M365Links> {
  const { conversation } = stored;
  let updated = links;
  const hash = invitationHash(invitation);
  const eventWrite = !links.eventId
    ? ctx.calendar.createMeeting(conversation.organizerUpn, invitation, conversation.id)
    : hash !== links.invitationHash
      ? ctx.calendar.updateMeeting(conversation.organizerUpn, links.eventId, invitation)
      : null;
  const folderLookup =
    !links.folderWebUrl && links.folderItemId !== null ? ctx.library.folder(links.folderPath ?? conversationFolder(conversation)) : null;
  const [eventResult, folderResult] = await Promise.allSettled([eventWrite, folderLookup]);
  const event = outcome(eventResult);
  const folder = outcome(folderResult);

  if (eventWrite) {
    if (event.ok && event.value) {
      const saved = {
        eventId: event.value.id,
        invitationHash: hash,
        ...(event.value.iCalUId ? { iCalUId: event.value.iCalUId } : {}),
        ...(event.value.joinUrl ? { joinUrl: event.value.joinUrl } : {}),
        ...(event.value.webLink ? { eventWebLink: event.value.webLink } : {}),
      };
      await m365LinksRepository.save(ctx.db, conversation.id, saved);
      updated = { ...updated, ...saved };
      // Invited first, then "done": whoever sees the invitation done sees the conversation invited.
      await recordInvited(ctx, stored);
      await report('invitation', null);
    } else if (!event.ok) {
      failures.add(event.error);
      await report('invitation', event.error);
    }
  } else {
    await report('invitation', null);
  }
  if (folderLookup && folder.ok && folder.value) {
    await m365LinksRepository.save(ctx.db, conversation.id, { folderWebUrl: folder.value.webUrl });
    updated = { ...updated, folderWebUrl: folder.value.webUrl };
  }
  return updated;
}

/**
 * A moved conversation's folder is renamed to its new date and time (in the
 * school year it was created in), so its files stay together and the name
 * says when the meeting is.
 */
async function followMovedFolder(
  ctx: AppContext,
  conversation: Conversation,
  links: M365Links,
  report: SideEffectReport,
): Promise<M365Links> {
  const leaf = folderLeaf(conversation);
  if (!links.folderItemId || !links.folderPath || links.folderPath.at(-1) === leaf) return links;
  try {
    const renamed = await ctx.library.rename(links.folderItemId, leaf);
    const moved = { ...links, folderPath: [...links.folderPath.slice(0, -1), leaf], folderWebUrl: renamed.webUrl };
    await m365LinksRepository.save(ctx.db, conversation.id, { folderPath: moved.folderPath, folderWebUrl: moved.folderWebUrl });
    return moved;
  } catch (error) {
    const remote = asRemoteError(error, 'RenameFailed');
    await report('folder', remote);
    throw remote;
  }
}

/** Cancels the Outlook event once; Exchange then sends the cancellation to every attendee. */
async function cancelMeeting(ctx: AppContext, conversation: Conversation, links: M365Links, report: SideEffectReport): Promise<void> {
  if (links.eventId && !links.eventCancelledAt) {
    try {
      const comment = [texts.cancellationComment, conversation.cancellationMessage].filter(Boolean).join('\n\n');
      await ctx.calendar.cancelMeeting(conversation.organizerUpn, links.eventId, comment);
    } catch (error) {
      const remote = asRemoteError(error, 'CancelFailed');
      await report('cancellation', remote);
      throw remote;
    }
    await m365LinksRepository.save(ctx.db, conversation.id, { eventCancelledAt: ctx.now().toISOString() });
  }
  await report('cancellation', null);
}

/**
 * Draft → invited once Outlook has the event. Usually nobody changed the
 * conversation while its job ran: one statement against the version the job
 * read. Otherwise (a person's edit won) the current version is read again.
 */
async function recordInvited(ctx: AppContext, stored: { conversation: Conversation; version: number }): Promise<void> {
  const { id } = stored.conversation;
  // A status never goes back to draft: one read past it needs nothing.
  if (stored.conversation.status !== 'draft') return;
  const saved = await conversationRepository
    .updateStatus(ctx.db, id, markInvited(stored.conversation).status, stored.version)
    .then(() => true)
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === 'VERSION_CONFLICT') return false;
      throw error;
    });
  if (saved) return;
  await ctx.db.transaction(async (tx) => {
    const current = await conversationRepository.get(tx, id, { forUpdate: true });
    if (!current || current.conversation.status !== 'draft') return;
    await conversationRepository.updateStatus(tx, id, markInvited(current.conversation).status, current.version);
  });
}
