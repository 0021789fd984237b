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
  let closed = false;
  // A channel's entry goes into the map before its LISTEN is awaited, so two
  // streams opened at the same moment share one set of handlers.
  const channels = new Map<string, { handlers: Set<(payload: string) => void>; listening: Promise<unknown> }>();
  let live: pg.Client | null = null;
  const listenerClient = (): Promise<pg.Client> =>
    (listener ??= (async () => {
      const client = new pg.Client({
        connectionString,
        ...(password ? { password: await password() } : {}),
        ...(schema ? { options: `-c search_path="${schema}"` } : {}),
      });
      client.on('notification', (n) => channels.get(n.channel)?.handlers.forEach((h) => h(n.payload ?? '')));
      client.on('error', () => dropped(client));
      client.on('end', () => dropped(client));
      try {
        await client.connect();
      } catch (error) {
        listener = null;
        throw error;
      }
      live = client;
      return client;
    })());
  // A dropped connection is opened again and listens to every channel it had (every
  // second until the database answers); the streams then catch up at their next change.
  let retry: NodeJS.Timeout | null = null;
  const dropped = (client: pg.Client) => {
    if (client !== live) return;
    live = null;
    listener = null;
    relistenSoon();
  };
  const relistenSoon = () => {
    if (closed || retry || channels.size === 0) return;
    retry = setTimeout(() => {
      retry = null;
      for (const [channel, entry] of channels) {
        entry.listening = listenerClient().then((c) => c.query(`listen ${channel}`));
        // Listening again: what changed in the gap was heard by no one, so every handler is told to catch up.
        entry.listening.then(() => entry.handlers.forEach((h) => h('')), relistenSoon);
      }
    }, 1000);
    retry.unref();
  };
  return {
    kind: 'postgres',
    async listen(channel, handler) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
      let entry = channels.get(channel);
      if (!entry) {
        entry = { handlers: new Set(), listening: listenerClient().then((c) => c.query(`listen ${channel}`)) };
        channels.set(channel, entry);
      }
      const joined = entry;
      joined.handlers.add(handler);
      const leave = async () => {
        joined.handlers.delete(handler);
        if (joined.handlers.size > 0 || channels.get(channel) !== joined) return;
        channels.delete(channel);
        await listenerClient()
          .then((c) => c.query(`unlisten ${channel}`))
          .catch(() => undefined);
      };
      try {
        await joined.listening;
      } catch (error) {
        await leave();
        throw error;
      }
      return leave;
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
      closed = true;
      if (retry) clearTimeout(retry);
      if (listener) await (await listener).end().catch(() => undefined);
      await pool.end();
    },
  };
}
