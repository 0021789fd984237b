import type { Queryable } from './database.js';

/** What the tab shows of the Microsoft 365 work a conversation needs. */
export type SideEffectKind = 'invitation' | 'folder' | 'agenda' | 'documents' | 'cancellation' | 'minutesFiles' | 'minutesMail';
export type SideEffectStatus = 'pending' | 'done' | 'retrying' | 'failed';

export interface SideEffect {
  kind: SideEffectKind;
  status: SideEffectStatus;
  errorCode: string | null;
  attempts: number;
  updatedAt: Date;
}

export const sideEffectsRepository = {
  async set(
    db: Queryable,
    conversationId: string,
    kind: SideEffectKind,
    status: SideEffectStatus,
    errorCode: string | null = null,
  ): Promise<void> {
    await db.query(
      `insert into side_effects (conversation_id, kind, status, error_code, attempts) values ($1, $2, $3, $4, case when $3 = 'pending' then 0 else 1 end)
       on conflict (conversation_id, kind) do update set status = excluded.status, error_code = excluded.error_code,
         attempts = case when excluded.status = 'pending' then 0 else side_effects.attempts + 1 end, updated_at = now()`,
      [conversationId, kind, status, errorCode],
    );
  },

  async list(db: Queryable, conversationId: string): Promise<SideEffect[]> {
    const rows = await db.query<Record<string, any>>(
      'select kind, status, error_code, attempts, updated_at from side_effects where conversation_id = $1',
      [conversationId],
    );
    const order: SideEffectKind[] = ['invitation', 'folder', 'agenda', 'documents', 'cancellation', 'minutesFiles', 'minutesMail'];
    return rows
      .map((r) => ({
        kind: r.kind,
        status: r.status,
        errorCode: r.error_code,
        attempts: Number(r.attempts),
        updatedAt: new Date(r.updated_at),
      }))
      .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  },
};
