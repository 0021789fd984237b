import type { Queryable } from './database.js';
import type { EvaluationAnswer, StoredEvaluation } from '../domain/evaluation.js';

const toEvaluation = (r: Record<string, any>): StoredEvaluation => ({
  conversationId: r.conversation_id,
  upn: r.upn,
  wentWell: r.went_well,
  adjust: r.adjust,
  carryForward: r.carry_forward,
  rating: Number(r.rating),
  answeredAt: r.answered_at instanceof Date ? r.answered_at : new Date(r.answered_at),
});

export const evaluationsRepository = {
  async save(db: Queryable, conversationId: string, upn: string, answer: EvaluationAnswer): Promise<void> {
    await db.query(
      `insert into evaluations (conversation_id, upn, went_well, adjust, carry_forward, rating) values ($1, $2, $3, $4, $5, $6)
       on conflict (conversation_id, upn) do update set went_well = excluded.went_well, adjust = excluded.adjust,
         carry_forward = excluded.carry_forward, rating = excluded.rating, answered_at = now()`,
      [conversationId, upn.toLowerCase(), answer.wentWell, answer.adjust, answer.carryForward, answer.rating],
    );
  },

  async forConversation(db: Queryable, conversationId: string): Promise<StoredEvaluation[]> {
    return (await db.query('select * from evaluations where conversation_id = $1 order by answered_at', [conversationId])).map(
      toEvaluation,
    );
  },

  /** Every evaluation in the municipality with the conversation's school year, for the overview. */
  async all(db: Queryable): Promise<(StoredEvaluation & { schoolYear: string })[]> {
    const rows = await db.query<Record<string, any>>(
      `select e.*, c.school_year from evaluations e join conversations c on c.id = e.conversation_id order by c.school_year, e.answered_at`,
    );
    return rows.map((r) => ({ ...toEvaluation(r), schoolYear: r.school_year }));
  },
};
