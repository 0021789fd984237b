import { jsonBody } from '../json-body.js';
import express, { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { closeReflectionRound } from '../../app/reflection/close-reflection-round.js';
import { reorderReflectionRound } from '../../app/reflection/reorder-reflection-round.js';
import { revealReflectionRound } from '../../app/reflection/reveal-reflection-round.js';
import { startReflectionRound } from '../../app/reflection/start-reflection-round.js';
import { viewReflectionRounds } from '../../app/reflection/view-reflection-rounds.js';
import { actorOf } from '../actor.js';
import { presentRound } from '../presenters/chat-results-presenter.js';
import { reply } from '../respond.js';
import { reflectionRoundsSchema } from '../../api/chat-results.js';
import { parseBody, versionedActionSchema } from '../request-schemas.js';

/** Reflection rounds from the tab (and the meeting side panel): start, reveal, reorder, close; the answers as the viewer may see them. */
export function reflectionRoutes(ctx: AppContext): Router {
  const router = Router();
  const base = '/conversations/:id/reflection-rounds';
  const list = async (req: express.Request) => ({
    rounds: (await viewReflectionRounds(ctx, actorOf(req), String(req.params.id))).map(presentRound),
  });

  router.get(base, async (req, res) => {
    reply(res, reflectionRoundsSchema, await list(req));
  });

  router.post(base, jsonBody(), async (req, res) => {
    const { itemKey } = parseBody(z.object({ itemKey: z.string().min(1).max(100) }), req.body);
    const roundId = await startReflectionRound(ctx, actorOf(req), String(req.params.id), itemKey);
    reply(res, reflectionRoundsSchema, { roundId, ...(await list(req)) }, 201);
  });

  router.post(`${base}/:roundId/reveal`, jsonBody(), async (req, res) => {
    const { version } = parseBody(versionedActionSchema, req.body);
    await revealReflectionRound(ctx, actorOf(req), String(req.params.id), String(req.params.roundId), version);
    reply(res, reflectionRoundsSchema, await list(req));
  });

  router.put(`${base}/:roundId/speaking-order`, jsonBody(), async (req, res) => {
    const body = parseBody(versionedActionSchema.extend({ order: z.array(z.string().max(320)).max(100) }), req.body);
    await reorderReflectionRound(ctx, actorOf(req), String(req.params.id), String(req.params.roundId), body.order, body.version);
    reply(res, reflectionRoundsSchema, await list(req));
  });

  router.post(`${base}/:roundId/close`, jsonBody(), async (req, res) => {
    const { version } = parseBody(versionedActionSchema, req.body);
    await closeReflectionRound(ctx, actorOf(req), String(req.params.id), String(req.params.roundId), version);
    reply(res, reflectionRoundsSchema, await list(req));
  });

  return router;
}
