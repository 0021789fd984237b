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
  // One connection per instance holds every LISTEN; opened on first use, closed with the pool.
  let listener: Promise<pg.Client> | null = null;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const listenerClient = () =>
    (listener ??= (async () => {
      const client = new pg.Client({
        connectionString,
        ...(password ? { password: await password() } : {}),
        ...(schema ? { options: `-c search_path="${schema}"` } : {}),
      });
      await client.connect();
      client.on('notification', (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? '')));
      // A dropped connection is opened again at the next listen; the streams then catch up from the database.
      client.on('error', () => (listener = null));
      return client;
    })());
  return {
    kind: 'postgres',
    async listen(channel, handler) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
      const client = await listenerClient();
      const set = handlers.get(channel) ?? new Set();
      if (set.size === 0) await client.query(`listen ${channel}`);
      set.add(handler);
      handlers.set(channel, set);
      return async () => {
        set.delete(handler);
        if (set.size === 0) await client.query(`unlisten ${channel}`).catch(() => undefined);
      };
    },
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
    close: async () => {
      if (listener) await (await listener).end().catch(() => undefined);
      await pool.end();
    },
  };
}
