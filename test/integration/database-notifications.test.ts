import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../support/test-database.js';

/** NOTIFY/LISTEN as the live agenda uses it: every open stream hears every committed change. */
let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.drop());

const heard = (into: string[]) => (payload: string) => into.push(payload);
const until = async (check: () => boolean) => {
  const deadline = Date.now() + 3000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
};

describe(`database notifications (${databaseKind()})`, () => {
  it('delivers to every listener, also to two that start listening at the same moment', async () => {
    const a: string[] = [];
    const b: string[] = [];
    // The two streams of one meeting open together: neither may be dropped.
    const [stopA, stopB] = await Promise.all([db.listen('test_changes', heard(a)), db.listen('test_changes', heard(b))]);
    await db.transaction((tx) => tx.query(`select pg_notify('test_changes', 'one')`));
    await until(() => a.length > 0 && b.length > 0);
    expect([a, b]).toEqual([['one'], ['one']]);

    // One stream closes; the other still hears.
    await stopA();
    await db.query(`select pg_notify('test_changes', 'two')`);
    await until(() => b.length > 1);
    expect([a, b]).toEqual([['one'], ['one', 'two']]);

    // The last closes, and a new one opens at once: it hears what comes next.
    const c: string[] = [];
    const [, stopC] = await Promise.all([stopB(), db.listen('test_changes', heard(c))]);
    await db.query(`select pg_notify('test_changes', 'three')`);
    await until(() => c.length > 0);
    expect(c).toEqual(['three']);
    await stopC();
  });

  it('tells a rolled-back change to no one', async () => {
    const a: string[] = [];
    const stop = await db.listen('test_changes', heard(a));
    await db
      .transaction(async (tx) => {
        await tx.query(`select pg_notify('test_changes', 'undone')`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await db.query(`select pg_notify('test_changes', 'kept')`);
    await until(() => a.length > 0);
    expect(a).toEqual(['kept']);
    await stop();
  });

  it.skipIf(databaseKind() !== 'postgres')('listens again when the listening connection is dropped', async () => {
    const a: string[] = [];
    const stop = await db.listen('test_changes', heard(a));
    // The server ends the connection that holds the LISTEN (a failover, a restart, an idle timeout).
    await db.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and query = 'listen test_changes'`,
    );
    const deadline = Date.now() + 5000;
    while (!a.includes('after') && Date.now() < deadline) {
      await db.query(`select pg_notify('test_changes', 'after')`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // First the call to catch up (what changed in the gap was heard by no one), then what comes next.
    expect(a[0]).toBe('');
    expect(a).toContain('after');
    await stop();
  });
});
