import express, { Router } from 'express';
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

/** The minutes editor's API: read with the guard's findings, save with a version, approve. */
export function minutesRoutes(ctx: AppContext): Router {
  const router = Router();
  const present = async (actor: RequestActor, id: string) => presentMinutes(await viewMinutes(ctx, actor, id), actor);

  router.get('/conversations/:id/minutes', async (req, res) => {
    reply(res, minutesDetailsSchema, await present(actorOf(req), req.params.id));
  });
  router.put('/conversations/:id/minutes', express.json({ limit: '512kb' }), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(saveSchema, req.body, []);
    await saveMinutes(ctx, actor, req.params.id, body.version, body.content);
    reply(res, minutesDetailsSchema, await present(actor, req.params.id));
  });
  router.post('/conversations/:id/minutes/approve', express.json(), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(versionedActionSchema, req.body, []);
    await approveMinutesCommand(ctx, actor, req.params.id, body.version);
    reply(res, minutesDetailsSchema, await present(actor, req.params.id));
  });
  router.put('/conversations/:id/minutes/website-url', express.json(), async (req, res) => {
    const actor = actorOf(req);
    const { url } = parseBody(z.object({ url: z.url({ protocol: /^https?$/ }).max(2000) }), req.body, []);
    await recordWebsiteUrl(ctx, actor, req.params.id, url);
    reply(res, minutesDetailsSchema, await present(actor, req.params.id));
  });
  return router;
}
