import { AppError } from '../../domain/errors.js';
import { RemoteError } from '../ports/remote-error.js';
import { peopleRepository, type KnownPerson } from '../../store/people-repository.js';
import type { AppContext } from '../app-context.js';

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
    await peopleRepository.remember(ctx.db, tid, oid, person);
    return person;
  } catch (error) {
    if (!(error instanceof RemoteError)) throw error;
    const known = await peopleRepository.recall(ctx.db, tid, oid);
    if (known) return known;
    throw new AppError('MICROSOFT_365_UNAVAILABLE');
  }
}
