import type { Queryable } from './database.js';
import type { Agreement } from '../domain/minutes.js';
import { agreementStatusSchema, type AgreementStatus, type FollowUpAgreement } from '../domain/follow-up.js';

type Row = Record<string, any>;
const isoDate = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value ? String(value).slice(0, 10) : null);

export const agreementsRepository = {
  async recordFromMinutes(
    tx: Queryable,
    conversationId: string,
    schoolId: string,
    madeAt: Date,
    agreements: readonly Agreement[],
  ): Promise<void> {
    for (const a of agreements) {
      await tx.query(
        `insert into agreements (id, conversation_id, school_id, what, owner, due_date, follow_up_date, made_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (id) do nothing`,
        [a.id, conversationId, schoolId, a.what, a.owner, a.dueDate, a.followUpDate, madeAt],
      );
    }
  },

  /**
   * Agreements a conversation follows up: made at the school's earlier
   * conversations, still unsettled — or settled at or after this
   * conversation was planned, so the status the leader set stays visible here.
   */
  async forFollowUp(
    db: Queryable,
    schoolId: string,
    conversationStartsAt: Date,
    conversationCreatedAt: Date,
  ): Promise<FollowUpAgreement[]> {
    const rows = await db.query<Row>(
      `select * from agreements where school_id = $1 and made_at < $2
         and (status not in ('done', 'dropped') or status_updated_at >= $3)
       order by made_at, what`,
      [schoolId, conversationStartsAt, conversationCreatedAt],
    );
    return rows.map((r) => ({
      id: r.id,
      what: r.what,
      owner: r.owner,
      dueDate: isoDate(r.due_date),
      status: agreementStatusSchema.parse(r.status),
      madeAt: new Date(r.made_at),
    }));
  },

  /** The agreements made at a school year's conversations, with their status now (the committee's briefing). */
  async forSchoolYear(db: Queryable, schoolYear: string): Promise<{ schoolId: string; what: string; status: AgreementStatus }[]> {
    const rows = await db.query<Row>(
      `select a.school_id, a.what, a.status from agreements a join conversations c on c.id = a.conversation_id
       where c.school_year = $1 order by a.school_id, a.made_at, a.what`,
      [schoolYear],
    );
    return rows.map((r) => ({ schoolId: r.school_id, what: r.what, status: agreementStatusSchema.parse(r.status) }));
  },

  async setStatus(db: Queryable, id: string, schoolId: string, status: AgreementStatus, upn: string): Promise<boolean> {
    const rows = await db.query(
      `update agreements set status = $3, status_updated_by = $4, status_updated_at = now() where id = $1 and school_id = $2 returning id`,
      [id, schoolId, status, upn],
    );
    return rows.length > 0;
  },
};
