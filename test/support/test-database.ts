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
export async function openTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPgliteDatabase();
    await migrate(db);
    return Object.assign(db, { drop: () => db.close() });
  }
  const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const db = await openPostgresDatabase(url, schema);
  await migrate(db);
  return Object.assign(db, {
    async drop() {
      await db.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  });
}

export const databaseKind = () => (process.env.DATABASE_URL ? 'postgres' : 'pglite');
