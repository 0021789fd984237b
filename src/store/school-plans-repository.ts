import type { Queryable } from './database.js';

export type PlanKind = 'handlingsplan' | 'udviklingsplan';

export interface SchoolPlan {
  schoolId: string;
  kind: PlanKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  registeredBy: string;
  registeredAt: Date;
}

type Row = Record<string, any>;
const toPlan = (r: Row): SchoolPlan => ({
  schoolId: r.school_id,
  kind: r.kind,
  fileName: r.file_name,
  contentType: r.content_type,
  sizeBytes: Number(r.size_bytes),
  registeredBy: r.registered_by,
  registeredAt: new Date(r.registered_at),
});
const columns = 'school_id, kind, file_name, content_type, size_bytes, registered_by, registered_at';

export const schoolPlansRepository = {
  async get(db: Queryable, schoolId: string): Promise<SchoolPlan | null> {
    const [row] = await db.query<Row>(`select ${columns} from school_plans where school_id = $1`, [schoolId]);
    return row ? toPlan(row) : null;
  },

  async document(db: Queryable, schoolId: string): Promise<{ plan: SchoolPlan; content: Buffer } | null> {
    const [row] = await db.query<Row>(`select ${columns}, content from school_plans where school_id = $1`, [schoolId]);
    return row ? { plan: toPlan(row), content: Buffer.from(row.content) } : null;
  },

  async register(db: Queryable, plan: Omit<SchoolPlan, 'registeredAt'> & { content: Uint8Array }): Promise<void> {
    await db.query(
      `insert into school_plans (school_id, kind, file_name, content_type, size_bytes, content, registered_by) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (school_id) do update set kind = excluded.kind, file_name = excluded.file_name, content_type = excluded.content_type,
         size_bytes = excluded.size_bytes, content = excluded.content, registered_by = excluded.registered_by, registered_at = now()`,
      [plan.schoolId, plan.kind, plan.fileName, plan.contentType, plan.sizeBytes, Buffer.from(plan.content), plan.registeredBy],
    );
  },

  async remove(db: Queryable, schoolId: string): Promise<void> {
    await db.query('delete from school_plans where school_id = $1', [schoolId]);
  },
};
