import type { Request, RequestHandler } from 'express';
import type { Authenticator, Identity } from './auth/identity.js';
import type { Organisation } from '../domain/organisation.js';
import { isMunicipalLead } from '../domain/organisation.js';
import type { Actor } from '../policies/conversation-policy.js';
import { AppError } from '../domain/errors.js';

export type RequestActor = Actor & Identity;

/** Every /api route except sign-in needs a verified person; routes read it with actorOf(req). */
export function requireActor(authenticator: Authenticator, organisation: Organisation): RequestHandler {
  return async (req, _res, next) => {
    const identity = await authenticator.authenticate(req.header('authorization'));
    if (!identity) return next(new AppError('UNAUTHENTICATED'));
    (req as Request & { actor?: RequestActor }).actor = { ...identity, isMunicipalLead: isMunicipalLead(organisation, identity.upn) };
    next();
  };
}

export const actorOf = (req: Request): RequestActor => {
  const actor = (req as Request & { actor?: RequestActor }).actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
};
