import type { Queryable } from './database.js';
import { emptyMinutes, minutesContentSchema, type MinutesContent } from '../domain/minutes.js';
import { AppError } from '../domain/errors.js';

export interface StoredMinutes {
  content: MinutesContent;
  /** 0 before the first save. */
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
  approvedAt: Date | null;
  publicId: string | null;
  internalWebUrl: string | null;
  publicDocxWebUrl: string | null;
  websiteUrl: string | null;
}

type Row = Record<string, any>;

export const minutesRepository = {
  async get(db: Queryable, conversationId: string): Promise<StoredMinutes> {
    const [row] = await db.query<Row>('select * from minutes where conversation_id = $1', [conversationId]);
    if (!row)
      return {
        content: emptyMinutes(),
        version: 0,
        updatedBy: null,
        updatedAt: null,
        approvedAt: null,
        publicId: null,
        internalWebUrl: null,
        publicDocxWebUrl: null,
        websiteUrl: null,
      };
    return {
      content: minutesContentSchema.parse(row.content),
      version: Number(row.version),
      updatedBy: row.updated_by,
      updatedAt: new Date(row.updated_at),
      approvedAt: row.approved_at ? new Date(row.approved_at) : null,
      publicId: row.public_id,
      internalWebUrl: row.internal_web_url,
      publicDocxWebUrl: row.public_docx_web_url,
      websiteUrl: row.website_url,
    };
  },

  /** Saves only if nobody saved since `expectedVersion` (0 = first save); a second editor gets a conflict. */
  async save(tx: Queryable, conversationId: string, content: MinutesContent, expectedVersion: number, upn: string): Promise<number> {
    const rows =
      expectedVersion === 0
        ? await tx.query<{ version: number }>(
            `insert into minutes (conversation_id, content, version, updated_by) values ($1, $2, 1, $3)
             on conflict (conversation_id) do nothing returning version`,
            [conversationId, JSON.stringify(content), upn],
          )
        : await tx.query<{ version: number }>(
            `update minutes set content = $2, version = version + 1, updated_by = $4, updated_at = now()
             where conversation_id = $1 and version = $3 and approved_at is null returning version`,
            [conversationId, JSON.stringify(content), expectedVersion, upn],
          );
    if (rows.length === 0) throw new AppError('VERSION_CONFLICT', { id: conversationId });
    return Number(rows[0]!.version);
  },

  async markApproved(tx: Queryable, conversationId: string, upn: string, publicId: string): Promise<void> {
    await tx.query('update minutes set approved_by = $2, approved_at = now(), public_id = $3 where conversation_id = $1', [
      conversationId,
      upn,
      publicId,
    ]);
  },

  async saveLinks(db: Queryable, conversationId: string, links: { internalWebUrl: string; publicDocxWebUrl: string }): Promise<void> {
    await db.query('update minutes set internal_web_url = $2, public_docx_web_url = $3 where conversation_id = $1', [
      conversationId,
      links.internalWebUrl,
      links.publicDocxWebUrl,
    ]);
  },

  async setWebsiteUrl(db: Queryable, conversationId: string, url: string): Promise<boolean> {
    const rows = await db.query(
      'update minutes set website_url = $2 where conversation_id = $1 and approved_at is not null returning conversation_id',
      [conversationId, url],
    );
    return rows.length > 0;
  },

  async findPublished(db: Queryable, publicId: string): Promise<{ conversationId: string; content: MinutesContent } | null> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(publicId)) return null;
    const [row] = await db.query<Row>('select conversation_id, content from minutes where public_id = $1 and approved_at is not null', [
      publicId,
    ]);
    return row ? { conversationId: row.conversation_id, content: minutesContentSchema.parse(row.content) } : null;
  },
};
