import type { Queryable } from './database.js';

export interface StoredDocument {
  id: string;
  conversationId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  driveItemId: string | null;
  webUrl: string | null;
  uploadedBy: string;
  createdAt: Date;
}

type Row = Record<string, any>;
const toDocument = (r: Row): StoredDocument => ({
  id: r.id,
  conversationId: r.conversation_id,
  fileName: r.file_name,
  contentType: r.content_type,
  sizeBytes: Number(r.size_bytes),
  driveItemId: r.drive_item_id,
  webUrl: r.web_url,
  uploadedBy: r.uploaded_by,
  createdAt: new Date(r.created_at),
});
const metadataColumns = 'id, conversation_id, file_name, content_type, size_bytes, drive_item_id, web_url, uploaded_by, created_at';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

type NewDocument = Omit<StoredDocument, 'driveItemId' | 'webUrl' | 'createdAt'> & { content: Uint8Array };

export const documentsRepository = {
  /** A new file in the data package (the name is free: the caller checked). */
  async insert(db: Queryable, doc: NewDocument): Promise<StoredDocument> {
    // A removed file of the same name may still wait for SharePoint to delete it: the new one takes its row.
    const [row] = await db.query<Row>(
      `insert into documents (id, conversation_id, file_name, content_type, size_bytes, content, uploaded_by)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (conversation_id, file_name) do update set content_type = excluded.content_type, size_bytes = excluded.size_bytes,
         content = excluded.content, uploaded_by = excluded.uploaded_by, removed_at = null,
         replaced = documents.drive_item_id is not null, created_at = now()
       returning ${metadataColumns}`,
      [doc.id, doc.conversationId, doc.fileName, doc.contentType, doc.sizeBytes, Buffer.from(doc.content), doc.uploadedBy],
    );
    return toDocument(row!);
  },

  /** New content for a file already in the package; it keeps its name and its SharePoint item (the same link). */
  async replaceContent(
    db: Queryable,
    conversationId: string,
    id: string,
    file: { contentType: string; sizeBytes: number; content: Uint8Array; uploadedBy: string },
  ): Promise<StoredDocument | null> {
    if (!isUuid(id)) return null;
    const [row] = await db.query<Row>(
      `update documents set content_type = $3, size_bytes = $4, content = $5, uploaded_by = $6,
         replaced = drive_item_id is not null, created_at = now()
       where conversation_id = $1 and id = $2 and removed_at is null
       returning ${metadataColumns}`,
      [conversationId, id, file.contentType, file.sizeBytes, Buffer.from(file.content), file.uploadedBy],
    );
    return row ? toDocument(row) : null;
  },

  /** The file of this name, compared as SharePoint does (case does not matter). */
  async findByName(db: Queryable, conversationId: string, fileName: string): Promise<StoredDocument | null> {
    const [row] = await db.query<Row>(
      `select ${metadataColumns} from documents where conversation_id = $1 and lower(file_name) = lower($2) and removed_at is null`,
      [conversationId, fileName],
    );
    return row ? toDocument(row) : null;
  },

  /** In one query: the data package as it stands, and whether any file waits to go to SharePoint or to be removed there. */
  async overview(
    db: Queryable,
    conversationId: string,
  ): Promise<{ active: StoredDocument[]; waitingUploads: number; waitingRemovals: number }> {
    const rows = await db.query<Row>(
      `select ${metadataColumns}, removed_at is not null as removed, (drive_item_id is null or replaced) as waiting
       from documents where conversation_id = $1 order by created_at, file_name`,
      [conversationId],
    );
    const active = rows.filter((r) => !r.removed);
    return {
      active: active.map(toDocument),
      waitingUploads: active.filter((r) => r.waiting).length,
      waitingRemovals: rows.length - active.length,
    };
  },

  async list(db: Queryable, conversationId: string): Promise<StoredDocument[]> {
    const rows = await db.query<Row>(
      `select ${metadataColumns} from documents where conversation_id = $1 and removed_at is null order by created_at, file_name`,
      [conversationId],
    );
    return rows.map(toDocument);
  },

  /** Files SharePoint does not have yet, or has with old content. */
  async pendingUploads(db: Queryable, conversationId: string): Promise<(StoredDocument & { content: Uint8Array; replaced: boolean })[]> {
    const rows = await db.query<Row>(
      `select ${metadataColumns}, content, replaced from documents
       where conversation_id = $1 and removed_at is null and (drive_item_id is null or replaced) order by created_at`,
      [conversationId],
    );
    return rows.map((r) => ({ ...toDocument(r), content: new Uint8Array(r.content), replaced: r.replaced === true }));
  },

  async markUploaded(db: Queryable, id: string, driveItemId: string, webUrl: string): Promise<void> {
    await db.query('update documents set drive_item_id = $2, web_url = $3, replaced = false where id = $1', [id, driveItemId, webUrl]);
  },

  /** Takes a file out of the package; false when there was no such file. */
  async markRemoved(db: Queryable, conversationId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await db.query<Row>(
      'update documents set removed_at = now() where conversation_id = $1 and id = $2 and removed_at is null returning id',
      [conversationId, id],
    );
    return rows.length > 0;
  },

  /** Removed files whose SharePoint item is still to be deleted. */
  async pendingRemovals(db: Queryable, conversationId: string): Promise<StoredDocument[]> {
    const rows = await db.query<Row>(`select ${metadataColumns} from documents where conversation_id = $1 and removed_at is not null`, [
      conversationId,
    ]);
    return rows.map(toDocument);
  },

  /** Forgets a removed file once SharePoint no longer has it (a re-upload of the name may have revived it meanwhile). */
  async purgeRemoved(db: Queryable, id: string): Promise<void> {
    await db.query('delete from documents where id = $1 and removed_at is not null', [id]);
  },
};
