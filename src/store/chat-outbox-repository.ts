import type { Queryable } from './database.js';

/** What a chat message is for; the payload says which card or text to build when it is sent. */
export type ChatMessageKind =
  'welcome' | 'deadlineReminder' | 'nudge' | 'preparation' | 'reflection' | 'evaluation' | 'minutes' | 'cardUpdate';

export interface OutboxMessage {
  id: number;
  key: string;
  upn: string;
  kind: ChatMessageKind;
  conversationId: string | null;
  payload: Record<string, unknown>;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  activityId: string | null;
  attempts: number;
}

const toMessage = (row: Record<string, any>): OutboxMessage => ({
  id: Number(row.id),
  key: row.key,
  upn: row.upn,
  kind: row.kind,
  conversationId: row.conversation_id,
  payload: row.payload,
  status: row.status,
  activityId: row.activity_id,
  attempts: Number(row.attempts),
});

export const chatOutboxRepository = {
  /** Adds the message unless one with the key exists; returns its id only when it is new. */
  async add(
    db: Queryable,
    message: { key: string; upn: string; kind: ChatMessageKind; conversationId: string | null; payload: Record<string, unknown> },
  ): Promise<number | null> {
    const rows = await db.query<{ id: number }>(
      `insert into chat_outbox (key, upn, kind, conversation_id, payload) values ($1, $2, $3, $4, $5)
       on conflict (key) do nothing returning id`,
      [message.key, message.upn.toLowerCase(), message.kind, message.conversationId, JSON.stringify(message.payload)],
    );
    return rows[0] ? Number(rows[0].id) : null;
  },

  async get(db: Queryable, id: number): Promise<OutboxMessage | null> {
    const [row] = await db.query('select * from chat_outbox where id = $1', [id]);
    return row ? toMessage(row) : null;
  },

  async byKey(db: Queryable, key: string): Promise<OutboxMessage | null> {
    const [row] = await db.query('select * from chat_outbox where key = $1', [key]);
    return row ? toMessage(row) : null;
  },

  async markSent(db: Queryable, id: number, activityId: string): Promise<void> {
    await db.query(`update chat_outbox set status = 'sent', activity_id = $2, sent_at = now(), attempts = attempts + 1 where id = $1`, [
      id,
      activityId,
    ]);
  },

  /** Records a failed try; `final` ends the message as failed (or skipped, when it no longer applies). */
  async markAttempt(db: Queryable, id: number, error: string, final: 'failed' | 'skipped' | null): Promise<void> {
    await db.query(`update chat_outbox set attempts = attempts + 1, last_error = $2, status = coalesce($3, status) where id = $1`, [
      id,
      error.slice(0, 1000),
      final,
    ]);
  },

  /** Delivery of each round's prompts, so the facilitator sees who the card has not reached. */
  async deliveryByRound(db: Queryable, conversationId: string): Promise<Map<string, { sent: number; pending: number; failed: number }>> {
    const rows = await db.query<{ round_id: string; status: string; count: number }>(
      `select payload->>'roundId' as round_id, status, count(*)::int as count from chat_outbox
       where conversation_id = $1 and kind = 'reflection' group by 1, 2`,
      [conversationId],
    );
    const out = new Map<string, { sent: number; pending: number; failed: number }>();
    for (const row of rows) {
      const entry = out.get(row.round_id) ?? { sent: 0, pending: 0, failed: 0 };
      if (row.status === 'sent') entry.sent += row.count;
      else if (row.status === 'pending') entry.pending += row.count;
      else entry.failed += row.count;
      out.set(row.round_id, entry);
    }
    return out;
  },

  /** What was sent to one person about one conversation: the cards to close when they are no longer in it. */
  async sentTo(db: Queryable, conversationId: string, upn: string): Promise<OutboxMessage[]> {
    const rows = await db.query(`select * from chat_outbox where conversation_id = $1 and upn = $2 and status = 'sent'`, [
      conversationId,
      upn.toLowerCase(),
    ]);
    return rows.map(toMessage);
  },

  async sentFor(db: Queryable, conversationId: string, kind: ChatMessageKind): Promise<OutboxMessage[]> {
    const rows = await db.query(`select * from chat_outbox where conversation_id = $1 and kind = $2 and status = 'sent'`, [
      conversationId,
      kind,
    ]);
    return rows.map(toMessage);
  },
};
