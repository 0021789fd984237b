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

export const documentsRepository = {
  /** A file of the same name replaces the earlier one (as SharePoint will), and is uploaded again. */
  async upsert(
    db: Queryable,
    doc: Omit<StoredDocument, 'driveItemId' | 'webUrl' | 'createdAt'> & { content: Uint8Array },
  ): Promise<StoredDocument> {
    const [row] = await db.query<Row>(
      `insert into documents (id, conversation_id, file_name, content_type, size_bytes, content, uploaded_by)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (conversation_id, file_name) do update set content_type = excluded.content_type, size_bytes = excluded.size_bytes,
         content = excluded.content, uploaded_by = excluded.uploaded_by, drive_item_id = null, web_url = null, created_at = now()
       returning ${metadataColumns}`,
      [doc.id, doc.conversationId, doc.fileName, doc.contentType, doc.sizeBytes, Buffer.from(doc.content), doc.uploadedBy],
    );
    return toDocument(row!);
  },

  async list(db: Queryable, conversationId: string): Promise<StoredDocument[]> {
    const rows = await db.query<Row>(`select ${metadataColumns} from documents where conversation_id = $1 order by created_at, file_name`, [
      conversationId,
    ]);
    return rows.map(toDocument);
  },

  async pendingUploads(db: Queryable, conversationId: string): Promise<(StoredDocument & { content: Uint8Array })[]> {
    const rows = await db.query<Row>(
      `select ${metadataColumns}, content from documents where conversation_id = $1 and drive_item_id is null order by created_at`,
      [conversationId],
    );
    return rows.map((r) => ({ ...toDocument(r), content: new Uint8Array(r.content) }));
  },

  async markUploaded(db: Queryable, id: string, driveItemId: string, webUrl: string): Promise<void> {
    await db.query('update documents set drive_item_id = $2, web_url = $3 where id = $1', [id, driveItemId, webUrl]);
  },
};
