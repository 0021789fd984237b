import { conversationRepository } from '../../store/conversation-repository.js';
import { minutesRepository } from '../../store/minutes-repository.js';
import { sideEffectsRepository } from '../../store/side-effects-repository.js';
import { transition } from '../../domain/conversation-lifecycle.js';
import { renderInternalMinutesDocx, renderPublicNoteDocx } from '../../documents/minutes-documents.js';
import { conversationFolder } from '../../documents/conversation-folder.js';
import { docxContentType } from '../../documents/content-types.js';
import { serverTexts } from '../../i18n/messages.js';
import type { JobAttempt } from '../../jobs/job-kind.js';
import { asRemoteError } from '../ports/remote-error.js';
import { queueChatMessage } from '../chat/queue-chat-message.js';
import { sideEffectRecorder } from '../conversation/side-effect-recorder.js';
import type { AppContext } from '../app-context.js';

const t = serverTexts.da.documents;

/**
 * After approval: both documents into the conversation's SharePoint folder
 * (together), then a chat message with the links to every participant (a
 * mail to whoever the bot cannot reach), then the conversation is published.
 * Each step is recorded, so a retry does not notify twice.
 */
export async function publishMinutes(ctx: AppContext, conversationId: string, attempt: JobAttempt): Promise<void> {
  const stored = await conversationRepository.get(ctx.db, conversationId);
  const minutes = await minutesRepository.get(ctx.db, conversationId);
  if (!stored || !minutes.approvedAt || !minutes.publicId) return;
  const { conversation } = stored;
  const report = sideEffectRecorder(ctx.db, conversationId, attempt, stored.version);

  if (!minutes.internalWebUrl || !minutes.publicDocxWebUrl) {
    const folder = conversationFolder(conversation);
    const [internalDocx, publicDocx] = await Promise.all([
      renderInternalMinutesDocx(conversation, minutes.content),
      renderPublicNoteDocx(conversation, minutes.content),
    ]);
    try {
      const [internal, publicNote] = await Promise.all([
        ctx.library.upload(folder, { fileName: t.minutesFileName, content: internalDocx, contentType: docxContentType }),
        ctx.library.upload(folder, { fileName: t.publicNoteFileName, content: publicDocx, contentType: docxContentType }),
      ]);
      await minutesRepository.saveLinks(ctx.db, conversationId, { internalWebUrl: internal.webUrl, publicDocxWebUrl: publicNote.webUrl });
    } catch (error) {
      const remote = asRemoteError(error);
      await report('minutesFiles', remote);
      throw remote;
    }
    await report('minutesFiles', null);
  }

  // Participants hear it from the bot in Teams chat; those it cannot reach get a mail (mailMinutes).
  const notified = (await sideEffectsRepository.list(ctx.db, conversationId)).some((s) => s.kind === 'minutesMail' && s.status === 'done');
  if (!notified) {
    await ctx.db.transaction(async (tx) => {
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
    await report('minutesMail', null);
  }

  await ctx.db.transaction(async (tx) => {
    const current = await conversationRepository.get(tx, conversationId, { forUpdate: true });
    if (!current || current.conversation.status !== 'minutesApproved') return;
    await conversationRepository.update(tx, { ...current.conversation, status: transition('minutesApproved', 'publish') }, current.version);
  });
}
