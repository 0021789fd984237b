import { jsonBody } from '../json-body.js';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { discardDraft, draftKindSchema, saveDraft, viewDraft } from '../../app/drafts/drafts.js';
import { actorOf } from '../actor.js';
import { parseBody } from '../request-schemas.js';
import { reply } from '../respond.js';
import { draftSchema } from '../../api/drafts.js';

/** Drafts of the school's part and the minutes: kept as the person types, dropped when the form is saved. */
export function draftRoutes(ctx: AppContext): Router {
  const router = Router();
  const path = '/conversations/:id/drafts/:kind';
  router.get(path, async (req, res) => {
    const draft = await viewDraft(ctx, actorOf(req), req.params.id, draftKindSchema.parse(req.params.kind));
    reply(res, draftSchema, { draft: draft && { ...draft, updatedAt: draft.updatedAt.toISOString() } });
  });
  router.put(path, jsonBody({ limit: '512kb', rule: 'controlCharactersOnly' }), async (req, res) => {
    const { content, basedOnVersion } = parseBody(z.object({ content: z.unknown(), basedOnVersion: z.number().int().min(0) }), req.body);
    const kind = draftKindSchema.parse(req.params.kind);
    const updatedAt = await saveDraft(ctx, actorOf(req), req.params.id, kind, content, basedOnVersion);
    reply(res, draftSchema, { draft: { content, basedOnVersion, updatedAt: updatedAt.toISOString() } });
  });
  router.delete(path, async (req, res) => {
    await discardDraft(ctx, actorOf(req), req.params.id, draftKindSchema.parse(req.params.kind));
    reply(res, draftSchema, { draft: null });
  });
  return router;
}
