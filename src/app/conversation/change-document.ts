import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';
import { documentsRepository, type StoredDocument } from '../../store/documents-repository.js';
import { loadReadableConversation } from './load-conversation.js';
import { requestSync } from './request-sync.js';
import { AppError } from '../../domain/errors.js';
import { checkUploadedFile, type UploadedFile } from '../uploaded-file.js';
import type { AppContext } from '../app-context.js';
import type { Queryable } from '../../store/database.js';

/** The school leader changes the data package until the conversation is cancelled or its note published. */
async function editable(tx: Queryable, actor: Actor, id: string): Promise<number> {
  const { conversation, version } = await loadReadableConversation(tx, actor, id, true);
  if (!conversationPolicy.canEditSchoolPart(actor, conversation)) throw new AppError('FORBIDDEN');
  if (['cancelled', 'published'].includes(conversation.status)) throw new AppError('DOCUMENTS_CLOSED');
  return version;
}

/**
 * "Fjern": the file leaves the data package at once; the sync job deletes
 * its SharePoint item and updates the agenda and the invitation (durable, so
 * a Graph outage only delays it).
 */
export async function removeDocument(ctx: AppContext, actor: Actor, id: string, documentId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const version = await editable(tx, actor, id);
    if (!(await documentsRepository.markRemoved(tx, id, documentId))) throw new AppError('DOCUMENT_NOT_FOUND');
    await requestSync(tx, id, version, ['documents', 'agenda']);
  });
  ctx.wakeJobs();
}

/** "Erstat": new content for a file; it keeps its name and its SharePoint link. */
export async function replaceDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  documentId: string,
  file: UploadedFile,
): Promise<StoredDocument> {
  checkUploadedFile(file);
  const document = await ctx.db.transaction(async (tx) => {
    const version = await editable(tx, actor, id);
    const replaced = await documentsRepository.replaceContent(tx, id, documentId, {
      contentType: file.contentType || 'application/octet-stream',
      sizeBytes: file.content.length,
      content: file.content,
      uploadedBy: actor.upn,
    });
    if (!replaced) throw new AppError('DOCUMENT_NOT_FOUND');
    await requestSync(tx, id, version, ['documents']);
    return replaced;
  });
  ctx.wakeJobs();
  return document;
}
