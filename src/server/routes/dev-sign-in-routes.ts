import { jsonBody } from '../json-body.js';
import { Router } from 'express';
import { z } from 'zod';
import type { SandboxState } from '../../sandbox/sandbox-state.js';
import type { EntraStandIn } from '../../sandbox/entra/entra-stand-in.js';
import { AppError } from '../../domain/errors.js';
import { reply } from '../respond.js';
import { devSignInSchema, devUsersSchema } from '../../api/catalog.js';

/**
 * Local mode only: pick a demo person from the sandbox tenant and sign in as
 * them. The sandbox's Entra stand-in issues the same kind of token Teams SSO
 * gives the tab, so the server checks it exactly as in Microsoft 365 mode.
 */
export function devSignInRoutes(state: SandboxState, entra: EntraStandIn, audience: string): Router {
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
  router.post('/dev/sign-in', jsonBody(), async (req, res) => {
    const { upn } = z.object({ upn: z.string().email() }).parse(req.body);
    const user = state.findUser(upn);
    if (!user) throw new AppError('USER_NOT_FOUND', { upn });
    reply(res, devSignInSchema, { token: await entra.userToken(user.userPrincipalName, audience, { expiresInSeconds: 12 * 3600 }) });
  });
  return router;
}
