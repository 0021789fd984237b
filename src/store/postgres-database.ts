import pg from 'pg';
import type { Database, Queryable } from './database.js';

// int8 (count(*), sums) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * A PostgreSQL server through node-postgres. `schema` isolates a test run in
 * its own schema on a shared server.
 */
export async function openPostgresDatabase(
  connectionString: string,
  schema?: string,
  /** A password made per connection (an Entra access token, valid about an hour), instead of one in the URL. */
  password?: () => Promise<string>,
): Promise<Database> {
  if (schema) {
    const setup = new pg.Client({ connectionString });
    await setup.connect();
    await setup.query(`create schema if not exists "${schema}"`);
    await setup.end();
  }
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(password ? { password } : {}),
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  });
  const asQueryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as T[];
    },
  });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(asQueryable(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
