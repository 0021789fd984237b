import { z } from 'zod';
import type { GraphCall } from './graph-call.js';

/** Above this size Graph refuses a simple PUT; an upload session is needed. */
export const simpleUploadLimitBytes = 4 * 1024 * 1024;

const driveItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  webUrl: z.string(),
  parentReference: z.object({ id: z.string().nullish(), path: z.string().nullish() }).nullish(),
});
export interface UploadedItem {
  id: string;
  name: string;
  webUrl: string;
  parentId: string | null;
}
const toUploadedItem = (body: unknown): UploadedItem => {
  const item = driveItemSchema.parse(body);
  return { id: item.id, name: item.name, webUrl: item.webUrl, parentId: item.parentReference?.id ?? null };
};

const folderSchema = z.object({ id: z.string(), webUrl: z.string() });

/** SharePoint refuses these characters in names; a school called "A/B" must still get a folder. */
export function safeDriveName(name: string): string {
  const cleaned = name
    .replace(/["*:<>?/\\|#%]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned.length > 0 ? cleaned.slice(0, 120) : 'unavngivet';
}

const itemPath = (segments: readonly string[]) => segments.map((s) => encodeURIComponent(safeDriveName(s))).join('/');

/**
 * The conversation's SharePoint folder and files, addressed by path. Uploading
 * by path creates missing parent folders and replaces a file of the same name,
 * so a retried upload changes nothing.
 */
export const driveRequests = {
  uploadSmallFile: (
    driveId: string,
    folder: readonly string[],
    fileName: string,
    content: Uint8Array,
    contentType: string,
  ): GraphCall<UploadedItem> => ({
    method: 'PUT',
    url: `/drives/${encodeURIComponent(driveId)}/root:/${itemPath([...folder, fileName])}:/content?@microsoft.graph.conflictBehavior=replace`,
    binary: { content, contentType },
    parse: toUploadedItem,
  }),

  createUploadSession: (
    driveId: string,
    folder: readonly string[],
    fileName: string,
    sizeBytes: number,
  ): GraphCall<{ uploadUrl: string }> => ({
    method: 'POST',
    url: `/drives/${encodeURIComponent(driveId)}/root:/${itemPath([...folder, fileName])}:/createUploadSession`,
    body: { item: { '@microsoft.graph.conflictBehavior': 'replace', name: safeDriveName(fileName), fileSize: sizeBytes } },
    parse: (body) => z.object({ uploadUrl: z.string() }).parse(body),
  }),

  /** New content for an existing item: its id and link stay the same. */
  replaceContent: (driveId: string, itemId: string, content: Uint8Array, contentType: string): GraphCall<UploadedItem> => ({
    method: 'PUT',
    url: `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}/content`,
    binary: { content, contentType },
    parse: toUploadedItem,
  }),

  rename: (driveId: string, itemId: string, name: string): GraphCall<UploadedItem> => ({
    method: 'PATCH',
    url: `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}`,
    body: { name: safeDriveName(name) },
    parse: toUploadedItem,
  }),

  deleteItem: (driveId: string, itemId: string): GraphCall<void> => ({
    method: 'DELETE',
    url: `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}`,
    parse: () => undefined,
  }),

  getFolder: (driveId: string, folder: readonly string[]): GraphCall<{ id: string; webUrl: string }> => ({
    method: 'GET',
    url: `/drives/${encodeURIComponent(driveId)}/root:/${itemPath(folder)}?$select=id,webUrl`,
    parse: (body) => folderSchema.parse(body),
  }),
};

export { toUploadedItem };
