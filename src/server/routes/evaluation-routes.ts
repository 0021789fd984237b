import { jsonBody } from '../json-body.js';
import { Router } from 'express';
import { z } from 'zod';
import { parseBody } from '../request-schemas.js';
import { submitPreparation } from '../../app/preparation/submit-preparation.js';
import { viewOwnPreparation } from '../../app/preparation/own-preparation-view.js';
import type { AppContext } from '../../app/app-context.js';
import { municipalityEvaluation } from '../../app/evaluation/municipality-evaluation.js';
import { viewEvaluation } from '../../app/evaluation/view-evaluation.js';
import { viewPreparation } from '../../app/preparation/view-preparation.js';
import { actorOf } from '../actor.js';
import { reply } from '../respond.js';
import { presentPreparation } from '../presenters/chat-results-presenter.js';
import {
  conversationEvaluationSchema,
  municipalityEvaluationSchema,
  ownPreparationSchema,
  preparationListSchema,
} from '../../api/chat-results.js';

/** What the chat brought in: the evaluation's aggregate and the preparation answers. */
export function evaluationRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/conversations/:id/evaluation', async (req, res) => {
    reply(res, conversationEvaluationSchema, await viewEvaluation(ctx, actorOf(req), String(req.params.id)));
  });

  router.get('/conversations/:id/preparation', async (req, res) => {
    reply(res, preparationListSchema, { answers: presentPreparation(await viewPreparation(ctx, actorOf(req), String(req.params.id))) });
  });

  // The person's own preparation, answered in the tab or the Outlook add-in: the same answers the chat card collects.
  router.get('/conversations/:id/preparation/mine', async (req, res) => {
    reply(res, ownPreparationSchema, await viewOwnPreparation(ctx, actorOf(req), String(req.params.id)));
  });
  router.put('/conversations/:id/preparation/mine', jsonBody({ limit: '64kb' }), async (req, res) => {
    const actor = actorOf(req);
    const { answers } = parseBody(z.object({ answers: z.record(z.string().max(60), z.string().trim().max(3000)) }), req.body);
    await viewOwnPreparation(ctx, actor, String(req.params.id));
    await submitPreparation(ctx, actor.upn, String(req.params.id), answers);
    reply(res, ownPreparationSchema, await viewOwnPreparation(ctx, actor, String(req.params.id)));
  });

  router.get('/evaluations', async (req, res) => {
    reply(res, municipalityEvaluationSchema, await municipalityEvaluation(ctx, actorOf(req)));
  });

  return router;
}
