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
import type { GraphExecutor } from '../m365/graph-executor.js';
import { serverTexts, interpolate } from '../i18n/messages.js';
import { queueChatMessage } from '../app/chat-messages.js';
import { enqueueJob } from './job-queue.js';
import type { Queryable } from '../store/database.js';

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
 * (one batch), then a chat message with the links to every participant (a
 * mail to whoever the bot cannot reach), then the conversation is published.
 * Each step is recorded, so a retry does not notify twice.
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

  // Participants hear it from the bot in Teams chat; those it cannot reach get a mail (mailMinutesTo).
  const notified = (await sideEffectsRepository.list(db, conversationId)).some((s) => s.kind === 'minutesMail' && s.status === 'done');
  if (!notified) {
    await db.transaction(async (tx) => {
      for (const p of conversation.participants) {
        if (p.upn.toLowerCase() === conversation.schoolLeaderUpn.toLowerCase()) continue;
        await queueChatMessage(tx, {
          key: `minutes:${conversationId}:${p.upn.toLowerCase()}`,
          upn: p.upn,
          kind: 'minutes',
          conversationId,
        });
      }
    });
    await mark('minutesMail', null);
  }

  await db.transaction(async (tx) => {
    const current = await conversationRepository.get(tx, conversationId, { forUpdate: true });
    if (!current || current.conversation.status !== 'minutesApproved') return;
    await conversationRepository.update(tx, { ...current.conversation, status: transition('minutesApproved', 'publish') }, current.version);
  });
}

export const minutesMailJobKind = 'minutes.mail';
const mailPayloadSchema = z.object({ conversationId: z.string().uuid(), upn: z.string() });

/** The bot could not reach this participant: the minutes go to them by mail instead, once. */
export async function requestMinutesMail(db: Queryable, conversationId: string, upn: string): Promise<void> {
  await enqueueJob(db, {
    kind: minutesMailJobKind,
    key: `minutes-mail:${conversationId}:${upn.toLowerCase()}`,
    groupKey: `conversation:${conversationId}`,
    payload: { conversationId, upn },
  });
}

/** One mail from the school leader's mailbox with the links (Graph sendMail, kept in Sent Items). */
export async function mailMinutesTo(deps: PublishDependencies, job: JobRow): Promise<void> {
  const { conversationId, upn } = mailPayloadSchema.parse(job.payload);
  const stored = await conversationRepository.get(deps.db, conversationId);
  const minutes = await minutesRepository.get(deps.db, conversationId);
  if (!stored || !minutes.publicId || !minutes.internalWebUrl || !minutes.publicDocxWebUrl) return;
  const { conversation } = stored;
  const person = conversation.participants.find((p) => p.upn.toLowerCase() === upn.toLowerCase());
  if (!person) return;
  const link = (url: string, label: string) => `<li><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></li>`;
  await deps.graph.run(
    mailRequests.sendMail(conversation.schoolLeaderUpn, {
      subject: interpolate(t.minutesMailSubject, { school: conversation.schoolName }),
      bodyHtml: `<p>${escapeHtml(interpolate(t.minutesMailIntro, { school: conversation.schoolName }))}</p><ul>${link(minutes.internalWebUrl, t.minutesMailInternal)}${link(minutes.publicDocxWebUrl, t.minutesMailPublic)}${link(publicNoteUrl(deps.publicUrl, minutes.publicId), t.minutesMailPublicLink)}</ul>`,
      to: [{ address: person.upn, name: person.displayName }],
    }),
  );
}
