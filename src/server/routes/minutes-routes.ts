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
import { hasMarkup, parseBody, versionedActionSchema } from '../request-schemas.js';
import { AppError } from '../../domain/errors.js';
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

/** The minutes' texts are plain text like every other text the app takes: markup is refused, not shown literally. */
function refuseMarkupInMinutes(content: z.infer<typeof minutesContentSchema>): void {
  const texts: [string, string][] = [
    ['publicNote', content.publicNote],
    ...Object.values(content.itemNotes).map((note): [string, string] => ['itemNotes', note]),
    ...content.decisions.map((d): [string, string] => ['decisions', d.text]),
    ...content.agreements.flatMap((a): [string, string][] => [
      ['agreements', a.what],
      ['agreements', a.owner],
    ]),
  ];
  const found = texts.find(([, text]) => hasMarkup(text));
  if (found) throw new AppError('UNSAFE_CONTENT', { field: found[0] });
}

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
    refuseMarkupInMinutes(body.content);
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
    const { url } = parseBody(websiteSchema, req.body, []);
    await recordWebsiteUrl(ctx, actor, req.params.id, url);
    reply(res, minutesDetailsSchema, await present(actor, req.params.id));
  });
  return router;
}
