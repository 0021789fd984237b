import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/**
 * The embedded database's own settings. PostgreSQL's default 128 MB of shared
 * buffers is sized for a server; a municipality's conversations fit in a
 * few megabytes, and the local server should stay small (8 MB is plenty
 * for it; PostgreSQL in Microsoft 365 mode keeps its own settings).
 */
const postgresqlconf = ['shared_buffers=8MB', 'wal_buffers=1MB'];

/**
 * Creating a new data folder (initdb) makes PGlite grow its WebAssembly
 * memory to several hundred megabytes, which a process never gives back. So
 * a new folder is created in a short-lived child process, and the server
 * opens the finished folder.
 */
async function initialiseDataDir(dataDir: string): Promise<void> {
  const module = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(module)});
    const pg = new PGlite(${JSON.stringify(dataDir)}, { postgresqlconf: ${JSON.stringify(postgresqlconf)} });
    await pg.waitReady; await pg.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
}

/** Embedded PostgreSQL (WASM). `dataDir` undefined keeps it in memory, for tests. */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  if (dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await initialiseDataDir(dataDir);
  const pg = new PGlite(dataDir, { postgresqlconf });
  await pg.waitReady;
  const asQueryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...asQueryable(pg),
    transaction: (work) => pg.transaction((tx) => work(asQueryable(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    listen: (channel, handler) => pg.listen(channel, handler),
    close: () => pg.close(),
  };
}
