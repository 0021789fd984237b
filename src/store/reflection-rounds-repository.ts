import type { Queryable } from './database.js';
import type { ReflectionRound, RoundStatus } from '../domain/reflection-round.js';
import { AppError } from '../domain/errors.js';

export interface StoredRound {
  round: ReflectionRound;
  version: number;
}

export interface ReflectionAnswer {
  upn: string;
  text: string;
  answeredAt: Date;
  updatedAt: Date;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

const toRound = (row: Record<string, any>): StoredRound => ({
  version: Number(row.version),
  round: {
    id: row.id,
    conversationId: row.conversation_id,
    itemKey: row.item_key,
    status: row.status as RoundStatus,
    minutes: Number(row.minutes),
    invitedUpns: row.invited_upns,
    speakingOrder: row.speaking_order,
    openedBy: row.opened_by,
    openedAt: date(row.opened_at),
    revealedAt: row.revealed_at ? date(row.revealed_at) : null,
    closedAt: row.closed_at ? date(row.closed_at) : null,
  },
});

export const reflectionRoundsRepository = {
  async insert(db: Queryable, round: ReflectionRound): Promise<void> {
    try {
      await db.query(
        `insert into reflection_rounds (id, conversation_id, item_key, status, minutes, invited_upns, speaking_order, opened_by, opened_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          round.id,
          round.conversationId,
          round.itemKey,
          round.status,
          round.minutes,
          JSON.stringify(round.invitedUpns),
          JSON.stringify(round.speakingOrder),
          round.openedBy,
          round.openedAt,
        ],
      );
    } catch (error) {
      // Two facilitators clicking at once: the partial unique index lets one round win.
      if (String((error as { code?: string }).code) === '23505') throw new AppError('ROUND_ALREADY_OPEN', {});
      throw error;
    }
  },

  async get(db: Queryable, id: string, forUpdate = false): Promise<StoredRound | null> {
    const [row] = await db.query(`select * from reflection_rounds where id = $1${forUpdate ? ' for update' : ''}`, [id]);
    return row ? toRound(row) : null;
  },

  async forConversation(db: Queryable, conversationId: string): Promise<StoredRound[]> {
    const rows = await db.query('select * from reflection_rounds where conversation_id = $1 order by opened_at', [conversationId]);
    return rows.map(toRound);
  },

  async update(db: Queryable, round: ReflectionRound, version: number): Promise<number> {
    const rows = await db.query<{ version: number }>(
      `update reflection_rounds set status = $3, speaking_order = $4, revealed_at = $5, closed_at = $6, version = version + 1
       where id = $1 and version = $2 returning version`,
      [round.id, version, round.status, JSON.stringify(round.speakingOrder), round.revealedAt, round.closedAt],
    );
    if (!rows[0]) throw new AppError('VERSION_CONFLICT');
    return Number(rows[0].version);
  },

  async saveAnswer(db: Queryable, roundId: string, upn: string, text: string): Promise<void> {
    await db.query(
      `insert into reflection_answers (round_id, upn, text) values ($1, $2, $3)
       on conflict (round_id, upn) do update set text = excluded.text, updated_at = now()`,
      [roundId, upn.toLowerCase(), text],
    );
  },

  async answerOf(db: Queryable, roundId: string, upn: string): Promise<string | null> {
    const [row] = await db.query<{ text: string }>('select text from reflection_answers where round_id = $1 and upn = $2', [
      roundId,
      upn.toLowerCase(),
    ]);
    return row?.text ?? null;
  },

  async answers(db: Queryable, roundId: string): Promise<ReflectionAnswer[]> {
    const rows = await db.query<Record<string, any>>('select * from reflection_answers where round_id = $1 order by answered_at', [
      roundId,
    ]);
    return rows.map((r) => ({ upn: r.upn, text: r.text, answeredAt: date(r.answered_at), updatedAt: date(r.updated_at) }));
  },
};
