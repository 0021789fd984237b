import type { Queryable } from './database.js';

export interface KnownPerson {
  upn: string;
  displayName: string;
}

export const peopleRepository = {
  async remember(db: Queryable, tid: string, oid: string, person: KnownPerson): Promise<void> {
    await db.query(
      `insert into people (tid, oid, upn, display_name) values ($1, $2, $3, $4)
       on conflict (tid, oid) do update set upn = excluded.upn, display_name = excluded.display_name, refreshed_at = now()`,
      [tid, oid, person.upn, person.displayName],
    );
  },

  async recall(db: Queryable, tid: string, oid: string): Promise<KnownPerson | null> {
    const [row] = await db.query<{ upn: string; display_name: string }>(
      'select upn, display_name from people where tid = $1 and oid = $2',
      [tid, oid],
    );
    return row ? { upn: row.upn, displayName: row.display_name } : null;
  },
};
