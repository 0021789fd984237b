import express, { Router } from 'express';
import { z } from 'zod';
import type { SandboxState } from '../../sandbox/sandbox-state.js';
import type { LocalAuthenticator } from '../auth/local-authenticator.js';
import { AppError } from '../../domain/errors.js';
import { reply } from '../respond.js';
import { devSignInSchema, devUsersSchema } from '../../api/catalog.js';

/** Local mode only: pick a demo person from the sandbox tenant and sign in as them. */
export function devSignInRoutes(state: SandboxState, authenticator: LocalAuthenticator): Router {
  const router = Router();
  router.get('/dev/users', (_req, res) => {
    reply(res, devUsersSchema, {
      users: state.users.map((u) => ({
        upn: u.userPrincipalName,
        displayName: u.displayName,
        jobTitle: u.jobTitle,
        department: u.department,
      })),
    });
  });
  router.post('/dev/sign-in', express.json(), async (req, res) => {
    const { upn } = z.object({ upn: z.string().email() }).parse(req.body);
    const user = state.findUser(upn);
    if (!user) throw new AppError('USER_NOT_FOUND', { upn });
    reply(res, devSignInSchema, { token: await authenticator.issue({ upn: user.userPrincipalName, displayName: user.displayName }) });
  });
  return router;
}
