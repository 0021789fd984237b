import { AppError } from '../domain/errors.js';
import { allowedDocumentExtensions, checkDocumentName } from '../domain/document-names.js';

export const maxDocumentBytes = 50 * 1024 * 1024;

export interface UploadedFile {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

/**
 * A file a person uploads: an allowed type, a name SharePoint can hold, not
 * empty, not over the limit. Returns the name (NFC). A refused name comes
 * with a cleaned one the tab can offer.
 */
export function checkUploadedFile(file: UploadedFile): string {
  const checked = checkDocumentName(file.fileName.trim() === file.fileName ? file.fileName : file.fileName.trim());
  if (!checked.ok) {
    if (checked.problem === 'type') {
      throw new AppError('DOCUMENT_TYPE_NOT_ALLOWED', {
        fileName: file.fileName,
        extension: checked.extension || '–',
        allowed: allowedDocumentExtensions.join(', '),
      });
    }
    throw new AppError('DOCUMENT_NAME_INVALID', { fileName: file.fileName, problem: checked.problem, suggestion: checked.suggestion });
  }
  if (file.content.length === 0) throw new AppError('DOCUMENT_EMPTY', { fileName: checked.fileName });
  if (file.content.length > maxDocumentBytes) {
    throw new AppError('DOCUMENT_TOO_LARGE', { fileName: checked.fileName, maxMegabytes: maxDocumentBytes / 1024 / 1024 });
  }
  return checked.fileName;
}
