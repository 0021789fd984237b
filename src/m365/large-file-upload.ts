import { GraphError, retryAfterToMs } from './graph-error.js';
import { toUploadedItem, type UploadedItem } from './drive-requests.js';

/** Graph wants chunks in multiples of 320 KiB; 10 × 320 KiB is its recommended size. */
export const uploadChunkBytes = 10 * 320 * 1024;

/**
 * Sends a file to an upload session. The session URL is pre-authenticated, so
 * no bearer token is sent (Graph rejects one there). A throttled chunk is re-sent
 * after its Retry-After; other failures surface to the job, which retries the
 * whole upload with a fresh session.
 */
export async function uploadInChunks(uploadUrl: string, content: Uint8Array, onRoundTrip: () => void = () => {}): Promise<UploadedItem> {
  for (let start = 0; start < content.length;) {
    const end = Math.min(start + uploadChunkBytes, content.length);
    onRoundTrip();
    const response = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes ${start}-${end - 1}/${content.length}`, 'Content-Length': String(end - start) },
      body: Buffer.from(content.subarray(start, end)),
    });
    if (response.status === 429 || response.status === 503) {
      await new Promise((resolve) => setTimeout(resolve, retryAfterToMs(response.headers.get('Retry-After')) ?? 1000));
      continue;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = (body as { error?: { code?: string; message?: string } }).error;
      throw new GraphError(response.status, error?.code ?? 'UploadFailed', error?.message ?? 'chunk upload failed');
    }
    if (end === content.length) return toUploadedItem(body);
    start = end;
  }
  throw new GraphError(400, 'EmptyUpload', 'An empty file cannot be uploaded through a session');
}
