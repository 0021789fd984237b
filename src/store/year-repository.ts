import type { Queryable } from './database.js';

export interface Briefing {
  schoolYear: string;
  version: number;
  createdBy: string;
  createdAt: Date;
  status: 'pending' | 'saved' | 'failed';
  webUrl: string | null;
  lastError: string | null;
}

const toBriefing = (r: Record<string, any>): Briefing => ({
  schoolYear: r.school_year,
  version: Number(r.version),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  status: r.status,
  webUrl: r.web_url ?? null,
  lastError: r.last_error ?? null,
});

/** The municipality's year: reasons for schools without a conversation, and the committee briefing's versions. */
export const yearRepository = {
  async reasons(db: Queryable, schoolYear: string): Promise<Map<string, string>> {
    const rows = await db.query<{ school_id: string; reason: string }>(
      'select school_id, reason from season_notes where school_year = $1',
      [schoolYear],
    );
    return new Map(rows.map((r) => [r.school_id, r.reason]));
  },

  async setReason(db: Queryable, schoolYear: string, schoolId: string, reason: string, upn: string): Promise<void> {
    if (!reason.trim()) {
      await db.query('delete from season_notes where school_year = $1 and school_id = $2', [schoolYear, schoolId]);
      return;
    }
    await db.query(
      `insert into season_notes (school_year, school_id, reason, updated_by) values ($1, $2, $3, $4)
       on conflict (school_year, school_id) do update set reason = excluded.reason, updated_by = excluded.updated_by, updated_at = now()`,
      [schoolYear, schoolId, reason.trim(), upn],
    );
  },

  /** A new version of the year's briefing, numbered after the last. */
  async newBriefing(tx: Queryable, schoolYear: string, upn: string): Promise<number> {
    const [row] = await tx.query<{ version: number }>(
      `insert into briefings (school_year, version, created_by)
       values ($1, coalesce((select max(version) from briefings where school_year = $1), 0) + 1, $2) returning version`,
      [schoolYear, upn],
    );
    return Number(row!.version);
  },

  async briefings(db: Queryable, schoolYear: string): Promise<Briefing[]> {
    return (await db.query('select * from briefings where school_year = $1 order by version desc', [schoolYear])).map(toBriefing);
  },

  async markBriefing(
    db: Queryable,
    schoolYear: string,
    version: number,
    outcome: { webUrl: string; driveItemId: string } | { error: string },
  ) {
    if ('error' in outcome)
      await db.query(`update briefings set status = 'failed', last_error = $3 where school_year = $1 and version = $2`, [
        schoolYear,
        version,
        outcome.error.slice(0, 500),
      ]);
    else
      await db.query(
        `update briefings set status = 'saved', web_url = $3, drive_item_id = $4, last_error = null where school_year = $1 and version = $2`,
        [schoolYear, version, outcome.webUrl, outcome.driveItemId],
      );
  },
};
