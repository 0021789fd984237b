import type { Request, RequestHandler } from 'express';
import type { Authenticator, Identity } from './auth/identity.js';
import type { Organisation } from '../domain/organisation.js';
import { isMunicipalLead } from '../domain/organisation.js';
import type { Actor } from '../policies/conversation-policy.js';
import { AppError } from '../domain/errors.js';

export type RequestActor = Actor & Identity & { /** The caller's token, for Graph calls On-Behalf-Of them. */ token: string };

/**
 * Every /api route except sign-in needs a verified person. The token names
 * them by oid + tid; the directory says who that is today (UPN, name), which
 * is what the organisation file and the conversations refer to.
 */
export function requireActor(
  authenticator: Authenticator,
  organisation: Organisation,
  resolve: (tid: string, oid: string) => Promise<{ upn: string; displayName: string } | null>,
): RequestHandler {
  return async (req, _res, next) => {
    try {
      const identity = await authenticator.authenticate(req.header('authorization'));
      if (!identity) return next(new AppError('UNAUTHENTICATED'));
      const person = await resolve(identity.tid, identity.oid);
      if (!person) return next(new AppError('UNAUTHENTICATED'));
      (req as Request & { actor?: RequestActor }).actor = {
        oid: identity.oid,
        tid: identity.tid,
        token: identity.token,
        upn: person.upn,
        displayName: person.displayName,
        isMunicipalLead: isMunicipalLead(organisation, person.upn),
      };
      next();
    } catch (error) {
      next(error);
    }
  };
}

export const actorOf = (req: Request): RequestActor => {
  const actor = (req as Request & { actor?: RequestActor }).actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
};
