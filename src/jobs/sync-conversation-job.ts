import type { Database } from '../store/database.js';
import type { JobRow } from './job-queue.js';
import { sideEffectRecorder } from './side-effect-recorder.js';
import { conversationRepository } from '../store/conversation-repository.js';
import { m365LinksRepository, type M365Links } from '../store/m365-links-repository.js';
import { documentsRepository } from '../store/documents-repository.js';
import type { SideEffectKind } from '../store/side-effects-repository.js';
import { markInvited } from '../domain/conversation.js';
import { buildAgendaView } from '../documents/agenda-view.js';
import { renderAgendaDocx } from '../documents/agenda-docx.js';
import { GraphError } from '../m365/graph-error.js';
import type { GraphExecutor } from '../m365/graph-executor.js';
import type { GraphCall, GraphOutcome } from '../m365/graph-call.js';
import { driveRequests, simpleUploadLimitBytes, type UploadedItem } from '../m365/drive-requests.js';
import { calendarRequests, type CreatedEvent } from '../m365/calendar-requests.js';
import { uploadInChunks } from '../m365/large-file-upload.js';
import { conversationFolder } from '../m365/conversation-folder.js';
import { buildInvitation, invitationHash } from '../m365/build-invitation.js';
import { serverTexts } from '../i18n/messages.js';
import { agreementsRepository } from '../store/agreements-repository.js';
import { z } from 'zod';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const payloadSchema = z.object({ conversationId: z.string().uuid() });

export interface SyncDependencies {
  db: Database;
  graph: GraphExecutor;
  driveId: string;
}

/** Collects what failed in one run, so the job is retried after every part that could go did go. */
class Failures {
  private readonly errors: GraphError[] = [];
  add(error: GraphError) {
    this.errors.push(error);
  }
  throwIfAny() {
    if (this.errors.length === 0) return;
    const retryAfterMs = Math.max(0, ...this.errors.map((e) => e.retryAfterMs ?? 0));
    throw Object.assign(new Error(this.errors.map((e) => e.message).join('; ')), { retryAfterMs });
  }
}

/**
 * Brings a conversation's Microsoft 365 side up to date, in two sequential
 * Graph round trips:
 *  1. one batch uploading the agenda .docx (which creates the folder path) and
 *     any data-package files waiting in the database;
 *  2. one batch creating the Teams meeting event (transactionId = conversation
 *     id) or patching it when the invitation changed, plus the folder's link.
 * Each step records its outcome, so a retry repeats only what is missing.
 */
export async function syncConversation(deps: SyncDependencies, job: JobRow): Promise<void> {
  const { conversationId } = payloadSchema.parse(job.payload);
  const { db, graph, driveId } = deps;
  const stored = await conversationRepository.get(db, conversationId);
  if (!stored) return;
  const { conversation } = stored;
  const failures = new Failures();
  const mark = sideEffectRecorder(db, conversationId, job, stored.version);

  let links = await m365LinksRepository.get(db, conversationId);
  if (conversation.status === 'cancelled') {
    await cancelEvent(deps, conversation.organizerUpn, conversationId, links, mark);
    return;
  }
  const folder = conversationFolder(conversation);
  const pendingDocuments = await documentsRepository.pendingUploads(db, conversationId);
  const linkedDocuments = async () =>
    (await documentsRepository.list(db, conversationId)).map((d) => ({ name: d.fileName, url: d.webUrl }));

  // Round trip 1: the agenda and the waiting files.
  const followUp = await agreementsRepository.forFollowUp(db, conversation.schoolId, conversation.startsAt, stored.createdAt);
  const view = buildAgendaView(conversation, {
    documents: await linkedDocuments(),
    agendaUrl: links.agendaWebUrl,
    joinUrl: links.joinUrl,
    followUp,
  });
  const agendaDocx = await renderAgendaDocx(view);
  const small = pendingDocuments.filter((d) => d.sizeBytes <= simpleUploadLimitBytes);
  const large = pendingDocuments.filter((d) => d.sizeBytes > simpleUploadLimitBytes);
  const uploads: GraphCall<UploadedItem | { uploadUrl: string }>[] = [
    driveRequests.uploadSmallFile(driveId, folder, serverTexts.da.documents.agendaFileName, agendaDocx, docxType),
    ...small.map((d) => driveRequests.uploadSmallFile(driveId, folder, d.fileName, d.content, d.contentType)),
    ...large.map((d) => driveRequests.createUploadSession(driveId, folder, d.fileName, d.sizeBytes)),
  ];
  const [agendaOutcome, ...documentOutcomes] = await graph.batch(uploads);
  if (agendaOutcome!.ok) {
    const item = agendaOutcome!.value as UploadedItem;
    links = { ...links, agendaItemId: item.id, agendaWebUrl: item.webUrl, folderItemId: item.parentId ?? links.folderItemId };
    await m365LinksRepository.save(db, conversationId, {
      agendaItemId: item.id,
      agendaWebUrl: item.webUrl,
      folderItemId: links.folderItemId,
    });
    await mark('agenda', null);
    await mark('folder', null);
  } else {
    failures.add(agendaOutcome!.error);
    await mark('agenda', agendaOutcome!.error);
    if (!links.folderItemId) await mark('folder', agendaOutcome!.error);
  }
  let documentError: GraphError | null = null;
  for (const [index, outcome] of documentOutcomes.entries()) {
    const document = index < small.length ? small[index]! : large[index - small.length]!;
    try {
      const item = unwrap(outcome);
      const uploaded = 'uploadUrl' in item ? await uploadInChunks(item.uploadUrl, document.content, () => graph.roundTrips++) : item;
      await documentsRepository.markUploaded(db, document.id, uploaded.id, uploaded.webUrl);
    } catch (error) {
      documentError = error instanceof GraphError ? error : new GraphError(503, 'UploadFailed', String(error));
      failures.add(documentError);
    }
  }
  const documents = await linkedDocuments();
  if (documents.length > 0) await mark('documents', documentError);

  // Round trip 2: the invitation, sent or updated only when it changed.
  const invitation = buildInvitation(
    conversation,
    buildAgendaView(conversation, { documents, agendaUrl: links.agendaWebUrl, joinUrl: links.joinUrl, followUp }),
  );
  const hash = invitationHash(invitation);
  const calls: GraphCall<unknown>[] = [];
  const eventCall = !links.eventId
    ? calendarRequests.createEvent(conversation.organizerUpn, invitation, conversation.id)
    : hash !== links.invitationHash
      ? calendarRequests.updateEvent(conversation.organizerUpn, links.eventId, invitation)
      : null;
  if (eventCall) calls.push(eventCall);
  const wantsFolderLink = !links.folderWebUrl && links.folderItemId !== null;
  if (wantsFolderLink) calls.push(driveRequests.getFolder(driveId, folder));
  const outcomes = calls.length > 0 ? await graph.batch(calls) : [];
  if (eventCall) {
    const outcome = outcomes[0] as GraphOutcome<CreatedEvent>;
    if (outcome.ok) {
      const saved: Partial<M365Links> = { eventId: outcome.value.id, invitationHash: hash };
      if (outcome.value.joinUrl) saved.joinUrl = outcome.value.joinUrl;
      if (outcome.value.webLink) saved.eventWebLink = outcome.value.webLink;
      await m365LinksRepository.save(db, conversationId, saved);
      // Invited first, then "done": whoever sees the invitation done sees the conversation invited.
      await recordInvited(db, conversationId);
      await mark('invitation', null);
    } else {
      failures.add(outcome.error);
      await mark('invitation', outcome.error);
    }
  } else {
    await mark('invitation', null);
  }
  if (wantsFolderLink) {
    const outcome = outcomes[eventCall ? 1 : 0] as GraphOutcome<{ id: string; webUrl: string }>;
    if (outcome.ok) await m365LinksRepository.save(db, conversationId, { folderWebUrl: outcome.value.webUrl });
  }
  failures.throwIfAny();
}

/** Cancels the Outlook event once; Exchange then sends the cancellation to every attendee. */
async function cancelEvent(
  { db, graph }: SyncDependencies,
  organizerUpn: string,
  conversationId: string,
  links: M365Links,
  mark: (kind: SideEffectKind, error: GraphError | null) => Promise<void>,
): Promise<void> {
  if (links.eventId && !links.eventCancelledAt) {
    try {
      await graph.run(calendarRequests.cancelEvent(organizerUpn, links.eventId, serverTexts.da.documents.cancellationComment));
    } catch (error) {
      const graphError = error instanceof GraphError ? error : new GraphError(503, 'CancelFailed', String(error));
      // Already gone in Outlook: nothing left to cancel.
      if (graphError.status !== 404) {
        await mark('cancellation', graphError);
        throw graphError;
      }
    }
    await m365LinksRepository.save(db, conversationId, { eventCancelledAt: new Date().toISOString() });
  }
  await mark('cancellation', null);
}

function unwrap<T>(outcome: GraphOutcome<T> | undefined): T {
  if (!outcome) throw new GraphError(502, 'MissingOutcome', 'no outcome');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Draft → invited once Outlook has the event; a concurrent edit by a person wins and this retries. */
async function recordInvited(db: Database, conversationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await conversationRepository.get(tx, conversationId, { forUpdate: true });
    if (!current || current.conversation.status !== 'draft') return;
    await conversationRepository.update(tx, markInvited(current.conversation), current.version);
  });
}
