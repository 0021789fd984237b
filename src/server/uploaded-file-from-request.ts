import type { Request } from 'express';
import type { UploadedFile } from '../app/uploaded-file.js';

/** The file is the raw body; its name travels percent-encoded in X-File-Name, so any Danish name survives. */
export function uploadedFileFrom(req: Request): UploadedFile {
  let fileName = '';
  try {
    fileName = decodeURIComponent(req.header('x-file-name') ?? '');
  } catch {
    fileName = '';
  }
  return { fileName, contentType: req.header('content-type') ?? '', content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
}
