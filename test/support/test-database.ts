import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/store/database.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { migrate } from '../../src/store/migrate.js';

/**
 * Embedded PGlite by default; the PostgreSQL server named by DATABASE_URL when
 * set, each test file in a schema of its own that is dropped afterwards.
 */
export async function openTestDatabase(): Promise<Database & { drop(): Promise<void>; another(): Promise<Database> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPgliteDatabase();
    await migrate(db);
    // PGlite is one process's database: a second "instance" shares the handle.
    return Object.assign(db, { drop: () => db.close(), another: async () => db });
  }
  const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const db = await openPostgresDatabase(url, schema);
  await migrate(db);
  const others: Database[] = [];
  return Object.assign(db, {
    /** Another connection pool on the same schema, as a second server instance has. */
    async another() {
      const other = await openPostgresDatabase(url, schema);
      others.push(other);
      return other;
    },
    async drop() {
      await Promise.all(others.map((o) => o.close()));
      await db.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  });
}

export const databaseKind = () => (process.env.DATABASE_URL ? 'postgres' : 'pglite');
