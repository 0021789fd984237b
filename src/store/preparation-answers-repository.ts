import type { Queryable } from './database.js';

/** Answers by question, keyed "<itemKey>:<question index>". */
export type PreparationAnswers = Record<string, string>;

export const preparationAnswersRepository = {
  async save(db: Queryable, conversationId: string, upn: string, answers: PreparationAnswers): Promise<void> {
    await db.query(
      `insert into preparation_answers (conversation_id, upn, answers) values ($1, $2, $3)
       on conflict (conversation_id, upn) do update set answers = excluded.answers, updated_at = now()`,
      [conversationId, upn.toLowerCase(), JSON.stringify(answers)],
    );
  },

  async forConversation(db: Queryable, conversationId: string): Promise<{ upn: string; answers: PreparationAnswers; updatedAt: Date }[]> {
    const rows = await db.query<Record<string, any>>('select * from preparation_answers where conversation_id = $1 order by updated_at', [
      conversationId,
    ]);
    return rows.map((r) => ({ upn: r.upn, answers: r.answers, updatedAt: new Date(r.updated_at) }));
  },
};
