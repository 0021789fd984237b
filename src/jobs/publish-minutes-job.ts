import { z } from 'zod';
import type { Database } from '../store/database.js';
import type { JobRow } from './job-queue.js';
import { sideEffectRecorder } from './side-effect-recorder.js';
import { conversationRepository } from '../store/conversation-repository.js';
import { minutesRepository } from '../store/minutes-repository.js';
import { sideEffectsRepository } from '../store/side-effects-repository.js';
import { transition } from '../domain/conversation-lifecycle.js';
import { renderInternalMinutesDocx, renderPublicNoteDocx } from '../documents/minutes-documents.js';
import { escapeHtml } from '../documents/html-escape.js';
import { driveRequests, type UploadedItem } from '../m365/drive-requests.js';
import { mailRequests } from '../m365/mail-requests.js';
import { conversationFolder } from '../m365/conversation-folder.js';
import { GraphError } from '../m365/graph-error.js';
import type { GraphExecutor } from '../m365/graph-executor.js';
import { serverTexts, interpolate } from '../i18n/messages.js';

const t = serverTexts.da.documents;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const payloadSchema = z.object({ conversationId: z.string().uuid() });

export interface PublishDependencies {
  db: Database;
  graph: GraphExecutor;
  driveId: string;
  /** Where the public note's stable link points. */
  publicUrl: string;
}

export const publicNoteUrl = (publicUrl: string, publicId: string) => `${publicUrl}/offentligt/notat/${publicId}`;

/**
 * After approval: both documents into the conversation's SharePoint folder
 * (one batch), then one mail from the school leader to every participant with
 * the links, then the conversation is published. Each step is recorded, so a
 * retry does not mail twice.
 */
export async function publishMinutes(deps: PublishDependencies, job: JobRow): Promise<void> {
  const { conversationId } = payloadSchema.parse(job.payload);
  const { db, graph, driveId } = deps;
  const stored = await conversationRepository.get(db, conversationId);
  const minutes = await minutesRepository.get(db, conversationId);
  if (!stored || !minutes.approvedAt || !minutes.publicId) return;
  const { conversation } = stored;
  const mark = sideEffectRecorder(db, conversationId, job, stored.version);

  let links = { internalWebUrl: minutes.internalWebUrl, publicDocxWebUrl: minutes.publicDocxWebUrl };
  if (!links.internalWebUrl || !links.publicDocxWebUrl) {
    const folder = conversationFolder(conversation);
    const [internal, publicDocx] = await graph.batch<UploadedItem>([
      driveRequests.uploadSmallFile(
        driveId,
        folder,
        t.minutesFileName,
        await renderInternalMinutesDocx(conversation, minutes.content),
        docxType,
      ),
      driveRequests.uploadSmallFile(
        driveId,
        folder,
        t.publicNoteFileName,
        await renderPublicNoteDocx(conversation, minutes.content),
        docxType,
      ),
    ]);
    const failed = [internal, publicDocx].find((o) => !o!.ok);
    if (failed && !failed.ok) {
      await mark('minutesFiles', failed.error);
      throw failed.error;
    }
    links = {
      internalWebUrl: (internal as { value: UploadedItem }).value.webUrl,
      publicDocxWebUrl: (publicDocx as { value: UploadedItem }).value.webUrl,
    };
    await minutesRepository.saveLinks(db, conversationId, links as { internalWebUrl: string; publicDocxWebUrl: string });
    await mark('minutesFiles', null);
  }

  const mailed = (await sideEffectsRepository.list(db, conversationId)).some((s) => s.kind === 'minutesMail' && s.status === 'done');
  if (!mailed) {
    const recipients = conversation.participants.filter((p) => p.upn.toLowerCase() !== conversation.schoolLeaderUpn.toLowerCase());
    const link = (url: string, label: string) => `<li><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></li>`;
    try {
      await graph.run(
        mailRequests.sendMail(conversation.schoolLeaderUpn, {
          subject: interpolate(t.minutesMailSubject, { school: conversation.schoolName }),
          bodyHtml: `<p>${escapeHtml(interpolate(t.minutesMailIntro, { school: conversation.schoolName }))}</p><ul>${link(links.internalWebUrl!, t.minutesMailInternal)}${link(links.publicDocxWebUrl!, t.minutesMailPublic)}${link(publicNoteUrl(deps.publicUrl, minutes.publicId), t.minutesMailPublicLink)}</ul>`,
          to: recipients.map((p) => ({ address: p.upn, name: p.displayName })),
        }),
      );
      await mark('minutesMail', null);
    } catch (error) {
      const graphError = error instanceof GraphError ? error : new GraphError(503, 'MailFailed', String(error));
      await mark('minutesMail', graphError);
      throw graphError;
    }
  }

  await db.transaction(async (tx) => {
    const current = await conversationRepository.get(tx, conversationId, { forUpdate: true });
    if (!current || current.conversation.status !== 'minutesApproved') return;
    await conversationRepository.update(tx, { ...current.conversation, status: transition('minutesApproved', 'publish') }, current.version);
  });
}
