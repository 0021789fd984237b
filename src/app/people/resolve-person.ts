import { AppError } from '../../domain/errors.js';
import { RemoteError } from '../ports/remote-error.js';
import { peopleRepository, type KnownPerson } from '../../store/people-repository.js';
import type { AppContext } from '../app-context.js';

/**
 * What this process last wrote to this database for a person, and when: a request does not
 * rewrite the same row (a burst of requests from one person would otherwise
 * cost a write each); a change of name or UPN, or ten minutes, writes again.
 */
const writtenByDatabase = new WeakMap<object, Map<string, { person: string; at: number }>>();
const rewriteAfterMs = 10 * 60_000;

async function rememberOnce(ctx: AppContext, tid: string, oid: string, person: KnownPerson): Promise<void> {
  let written = writtenByDatabase.get(ctx.db);
  if (!written) writtenByDatabase.set(ctx.db, (written = new Map()));
  const key = `${tid}|${oid}`;
  const value = `${person.upn}\u0000${person.displayName}`;
  const last = written.get(key);
  const now = Date.now();
  if (last && last.person === value && now - last.at < rewriteAfterMs) return;
  await peopleRepository.remember(ctx.db, tid, oid, person);
  if (written.size > 10_000) written.clear();
  written.set(key, { person: value, at: now });
}

/**
 * Who a token's oid is: the directory's answer (cached by the directory
 * adapter), remembered, so that while Microsoft 365 is briefly unreachable a
 * person seen before still gets in. Someone the directory no longer knows is
 * not signed in; someone new while Graph is down is told to try again (503).
 */
export async function resolvePerson(ctx: AppContext, tid: string, oid: string): Promise<KnownPerson | null> {
  try {
    const user = await ctx.directory.getUser(oid);
    if (!user) return null;
    const person = { upn: user.upn, displayName: user.displayName };
    await rememberOnce(ctx, tid, oid, person);
    return person;
  } catch (error) {
    if (!(error instanceof RemoteError)) throw error;
    const known = await peopleRepository.recall(ctx.db, tid, oid);
    if (known) return known;
    throw new AppError('MICROSOFT_365_UNAVAILABLE');
  }
}
