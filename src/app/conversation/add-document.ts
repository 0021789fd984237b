import { randomUUID } from 'node:crypto';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { documentsRepository, type StoredDocument } from '../../store/documents-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { requestSync } from './request-sync.js';
import { AppError } from '../../domain/errors.js';
import { checkUploadedFile, type UploadedFile } from '../uploaded-file.js';
import type { AppContext } from '../app-context.js';

/**
 * A data-package file from the school leader. It is stored first, then the
 * sync job puts it in SharePoint; if Graph is down the file waits, it is not
 * lost. A name already in the package is refused unless the person said to
 * replace that file (the tab asks), so nothing is overwritten by accident.
 */
export async function addDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  file: UploadedFile,
  options: { replace?: boolean } = {},
): Promise<StoredDocument> {
  const fileName = checkUploadedFile(file);
  const document = await ctx.db.transaction(async (tx) => {
    const { conversation, version } = await loadReadableConversation(tx, actor, id, true);
    if (!conversationPolicy.canEditSchoolPart(actor, conversation)) throw new AppError('FORBIDDEN');
    if (['cancelled', 'published'].includes(conversation.status)) throw new AppError('DOCUMENTS_CLOSED');
    const content = {
      contentType: file.contentType || 'application/octet-stream',
      sizeBytes: file.content.length,
      content: file.content,
      uploadedBy: actor.upn,
    };
    const existing = await documentsRepository.findByName(tx, id, fileName);
    if (existing && !options.replace) throw new AppError('DOCUMENT_EXISTS', { fileName: existing.fileName, id: existing.id });
    const stored = existing
      ? await documentsRepository.replaceContent(tx, id, existing.id, content)
      : await documentsRepository.insert(tx, { id: randomUUID(), conversationId: id, fileName, ...content });
    await requestSync(tx, id, version, ['documents']);
    return stored!;
  });
  ctx.wakeJobs();
  return document;
}
