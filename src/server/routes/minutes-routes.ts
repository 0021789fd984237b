import { jsonBody } from '../json-body.js';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { viewMinutes } from '../../app/minutes/minutes-view.js';
import { presentMinutes } from '../presenters/minutes-presenter.js';
import { saveMinutes } from '../../app/minutes/save-minutes.js';
import { approveMinutesCommand } from '../../app/minutes/approve-minutes.js';
import { recordWebsiteUrl } from '../../app/minutes/record-website-url.js';
import { minutesContentSchema } from '../../domain/minutes.js';
import { actorOf, type RequestActor } from '../actor.js';
import { parseBody, versionedActionSchema } from '../request-schemas.js';
import { reply } from '../respond.js';
import { minutesDetailsSchema } from '../../api/minutes.js';

const saveSchema = z.object({ version: z.number().int().min(0), content: minutesContentSchema });

/**
 * The address of the note on the school's website, as people write it:
 * "bakkeskolen.dk/notat" gets https:// in front; spaces are refused.
 */
const websiteSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .transform((url) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`))
    .pipe(z.url({ protocol: /^https?$/, hostname: /^[^\s]+\.[^\s]+$/ }))
    .refine((url) => !/\s/.test(url)),
});

/** The minutes editor's API: read with the guard's findings, save with a version, approve. */
export function minutesRoutes(ctx: AppContext): Router {
  const router = Router();
  const present = async (actor: RequestActor, id: string) => presentMinutes(await viewMinutes(ctx, actor, id), actor);

  router.get('/conversations/:id/minutes', async (req, res) => {
    reply(res, minutesDetailsSchema, await present(actorOf(req), req.params.id));
  });
  router.put('/conversations/:id/minutes', jsonBody({ limit: '512kb' }), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(saveSchema, req.body);
    await saveMinutes(ctx, actor, req.params.id, body.version, body.content);
    reply(res, minutesDetailsSchema, await present(actor, req.params.id));
  });
  router.post('/conversations/:id/minutes/approve', jsonBody(), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(versionedActionSchema, req.body);
    await approveMinutesCommand(ctx, actor, req.params.id, body.version);
    reply(res, minutesDetailsSchema, await present(actor, req.params.id));
  });
  router.put('/conversations/:id/minutes/website-url', jsonBody(), async (req, res) => {
    const actor = actorOf(req);
    const { url } = parseBody(websiteSchema, req.body);
    await recordWebsiteUrl(ctx, actor, req.params.id, url);
    reply(res, minutesDetailsSchema, await present(actor, req.params.id));
  });
  return router;
}
