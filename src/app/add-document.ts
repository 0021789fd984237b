import { randomUUID } from 'node:crypto';
import { conversationPolicy, type Actor } from '../policies/conversation-policy.js';
import { documentsRepository, type StoredDocument } from '../store/documents-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { requestSync } from './sync-job.js';
import { AppError } from './app-error.js';
import type { AppContext } from './app-context.js';

export const maxDocumentBytes = 50 * 1024 * 1024;

/**
 * A data-package file from the school leader. It is stored first, then the
 * sync job puts it in SharePoint; if Graph is down the file waits, it is not lost.
 */
export async function addDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  file: { fileName: string; contentType: string; content: Uint8Array },
): Promise<StoredDocument> {
  const fileName = file.fileName.normalize('NFC').trim();
  if (!fileName || fileName.length > 200 || /[\u0000-\u001f"*:<>?/\\|]/.test(fileName) || /^\.+$/.test(fileName)) {
    throw new AppError('DOCUMENT_NAME_INVALID', { fileName });
  }
  if (file.content.length === 0) throw new AppError('DOCUMENT_EMPTY');
  if (file.content.length > maxDocumentBytes) throw new AppError('DOCUMENT_TOO_LARGE', { maxMegabytes: maxDocumentBytes / 1024 / 1024 });
  const document = await ctx.db.transaction(async (tx) => {
    const { conversation, version } = await loadReadableConversation(tx, actor, id);
    if (!conversationPolicy.canEditSchoolPart(actor, conversation)) throw new AppError('FORBIDDEN');
    const stored = await documentsRepository.upsert(tx, {
      id: randomUUID(),
      conversationId: id,
      fileName,
      contentType: file.contentType || 'application/octet-stream',
      sizeBytes: file.content.length,
      content: file.content,
      uploadedBy: actor.upn,
    });
    await requestSync(tx, id, version, ['documents']);
    return stored;
  });
  ctx.wakeJobs();
  return document;
}
