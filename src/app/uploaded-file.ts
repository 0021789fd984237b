import { AppError } from '../domain/errors.js';

export const maxDocumentBytes = 50 * 1024 * 1024;

export interface UploadedFile {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

/** A file a person uploads: a name SharePoint can hold, not empty, not over the limit. Returns the cleaned name. */
export function checkUploadedFile(file: UploadedFile): string {
  const fileName = file.fileName.normalize('NFC').trim();
  if (!fileName || fileName.length > 200 || /[\u0000-\u001f"*:<>?/\\|]/.test(fileName) || /^\.+$/.test(fileName)) {
    throw new AppError('DOCUMENT_NAME_INVALID', { fileName });
  }
  if (file.content.length === 0) throw new AppError('DOCUMENT_EMPTY');
  if (file.content.length > maxDocumentBytes) throw new AppError('DOCUMENT_TOO_LARGE', { maxMegabytes: maxDocumentBytes / 1024 / 1024 });
  return fileName;
}
