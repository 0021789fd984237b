import type { Queryable } from './database.js';

export interface StoredDraft {
  content: unknown;
  basedOnVersion: number;
  updatedAt: Date;
}

/** Unsaved text, one per person and form, until the form is saved. */
export const draftsRepository = {
  async get(db: Queryable, conversationId: string, upn: string, kind: string): Promise<StoredDraft | null> {
    const [row] = await db.query<Record<string, any>>('select * from drafts where conversation_id = $1 and upn = $2 and kind = $3', [
      conversationId,
      upn.toLowerCase(),
      kind,
    ]);
    return row ? { content: row.content, basedOnVersion: Number(row.based_on_version), updatedAt: new Date(row.updated_at) } : null;
  },

  async save(db: Queryable, conversationId: string, upn: string, kind: string, content: unknown, basedOnVersion: number): Promise<Date> {
    const [row] = await db.query<{ updated_at: Date }>(
      `insert into drafts (conversation_id, upn, kind, content, based_on_version) values ($1, $2, $3, $4, $5)
       on conflict (conversation_id, upn, kind) do update set content = excluded.content,
         based_on_version = excluded.based_on_version, updated_at = now()
       returning updated_at`,
      [conversationId, upn.toLowerCase(), kind, JSON.stringify(content), basedOnVersion],
    );
    return new Date(row!.updated_at);
  },

  async remove(db: Queryable, conversationId: string, upn: string, kind: string): Promise<void> {
    await db.query('delete from drafts where conversation_id = $1 and upn = $2 and kind = $3', [conversationId, upn.toLowerCase(), kind]);
  },
};
