/**
 * The one port the repositories use. Both adapters speak PostgreSQL SQL with
 * $1-style parameters, so one schema and one migration set serve both.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Hears PostgreSQL notifications on a channel (NOTIFY is sent at commit, so
   * a listener never sees a change that was rolled back). With several server
   * instances on one PostgreSQL, every instance hears every change. After the
   * listening connection was lost and is back, each handler hears the empty
   * payload once: something may have changed while nobody listened.
   */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  readonly kind: 'pglite' | 'postgres';
}
