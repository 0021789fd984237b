import type { Queryable } from './database.js';

/** What the tab shows of the Microsoft 365 work a conversation needs. */
export type SideEffectKind =
  'invitation' | 'folder' | 'agenda' | 'documents' | 'meetingApp' | 'cancellation' | 'minutesFiles' | 'minutesMail';
export type SideEffectStatus = 'pending' | 'done' | 'retrying' | 'failed';

export interface SideEffect {
  kind: SideEffectKind;
  status: SideEffectStatus;
  errorCode: string | null;
  attempts: number;
  updatedAt: Date;
}

/** One kind or several: the statements below take an array either way. */
const asList = (kinds: SideEffectKind | readonly SideEffectKind[]): readonly SideEffectKind[] =>
  typeof kinds === 'string' ? [kinds] : kinds;

export const sideEffectsRepository = {
  /** Asks for the work again: pending until a job that has seen `version` reports on it. */
  async request(db: Queryable, conversationId: string, kinds: SideEffectKind | readonly SideEffectKind[], version: number): Promise<void> {
    const list = asList(kinds);
    if (list.length === 0) return;
    await db.query(
      `insert into side_effects (conversation_id, kind, status, requested_version) select $1, kind, 'pending', $3 from unnest($2::text[]) as kind
       on conflict (conversation_id, kind) do update set status = 'pending', error_code = null, attempts = 0,
         requested_version = greatest(side_effects.requested_version, excluded.requested_version), updated_at = now()`,
      [conversationId, list, version],
    );
  },

  /**
   * A job's outcome for the conversation version it worked from. A newer
   * request (made while the job ran) stays pending for the job that follows.
   */
  async record(
    db: Queryable,
    conversationId: string,
    kinds: SideEffectKind | readonly SideEffectKind[],
    status: Exclude<SideEffectStatus, 'pending'>,
    errorCode: string | null,
    syncedVersion: number,
  ): Promise<void> {
    await db.query(
      `insert into side_effects (conversation_id, kind, status, error_code, attempts, requested_version)
       select $1, kind, $3, $4, 1, 0 from unnest($2::text[]) as kind
       on conflict (conversation_id, kind) do update set status = excluded.status, error_code = excluded.error_code,
         attempts = side_effects.attempts + 1, updated_at = now()
       where side_effects.requested_version <= $5`,
      [conversationId, asList(kinds), status, errorCode, syncedVersion],
    );
  },

  async list(db: Queryable, conversationId: string): Promise<SideEffect[]> {
    const rows = await db.query<Record<string, any>>(
      'select kind, status, error_code, attempts, updated_at from side_effects where conversation_id = $1',
      [conversationId],
    );
    const order: SideEffectKind[] = [
      'invitation',
      'folder',
      'agenda',
      'documents',
      'meetingApp',
      'cancellation',
      'minutesFiles',
      'minutesMail',
    ];
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
