import type { DocumentLibrary } from '../app/ports/document-library.js';
import type { GraphExecutor } from './graph-executor.js';
import { GraphError } from './graph-error.js';
import { driveRequests, simpleUploadLimitBytes } from './drive-requests.js';
import { uploadInChunks } from './large-file-upload.js';

/**
 * The SharePoint library (one Graph drive). Files up to 4 MB go as one PUT by
 * path (inside a JSON batch with whatever else is being sent); larger ones
 * through an upload session in 3.2 MB chunks.
 */
export function graphDocumentLibrary(graph: GraphExecutor, driveId: string): DocumentLibrary {
  return {
    async upload(folder, file) {
      if (file.content.length <= simpleUploadLimitBytes) {
        return graph.send(driveRequests.uploadSmallFile(driveId, folder, file.fileName, file.content, file.contentType));
      }
      const session = await graph.send(driveRequests.createUploadSession(driveId, folder, file.fileName, file.content.length));
      return uploadInChunks(session.uploadUrl, file.content, () => graph.roundTrips++);
    },
    replace: (itemId, file) => graph.send(driveRequests.replaceContent(driveId, itemId, file.content, file.contentType)),
    async remove(itemId) {
      try {
        await graph.send(driveRequests.deleteItem(driveId, itemId));
        return true;
      } catch (error) {
        if (error instanceof GraphError && error.status === 404) return false;
        throw error;
      }
    },
    rename: (itemId, name) => graph.send(driveRequests.rename(driveId, itemId, name)),
    folder: (folder) => graph.send(driveRequests.getFolder(driveId, folder)),
  };
}
