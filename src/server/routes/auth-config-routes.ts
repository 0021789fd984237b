import { Router } from 'express';
import type { AppConfig } from '../../config.js';
import { authConfigSchema } from '../../api/auth-config.js';
import { reply } from '../respond.js';

/** Before sign-in: what the tab needs to sign a person in (nothing secret). */
export function authConfigRoutes(config: AppConfig): Router {
  const router = Router();
  router.get('/auth-config', (_req, res) => {
    if (config.mode === 'local') return reply(res, authConfigSchema, { mode: 'local' });
    reply(res, authConfigSchema, {
      mode: 'm365',
      clientId: config.clientId,
      tenantId: config.tenantId,
      authority: `${config.authorityHost}/${config.tenantId}`,
      scope: `${config.apiAudience}/access_as_user`,
      adminConsentUrl: `${config.authorityHost}/${config.tenantId}/adminconsent?client_id=${config.clientId}`,
    });
  });
  return router;
}
