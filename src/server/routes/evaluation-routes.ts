import { Router } from 'express';
import type { AppContext } from '../../app/app-context.js';
import { municipalityEvaluation } from '../../app/evaluation/municipality-evaluation.js';
import { viewEvaluation } from '../../app/evaluation/view-evaluation.js';
import { viewPreparation } from '../../app/preparation/view-preparation.js';
import { actorOf } from '../actor.js';
import { reply } from '../respond.js';
import { presentPreparation } from '../presenters/chat-results-presenter.js';
import { conversationEvaluationSchema, municipalityEvaluationSchema, preparationListSchema } from '../../api/chat-results.js';

/** What the chat brought in: the evaluation's aggregate and the preparation answers. */
export function evaluationRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/conversations/:id/evaluation', async (req, res) => {
    reply(res, conversationEvaluationSchema, await viewEvaluation(ctx, actorOf(req), String(req.params.id)));
  });

  router.get('/conversations/:id/preparation', async (req, res) => {
    reply(res, preparationListSchema, { answers: presentPreparation(await viewPreparation(ctx, actorOf(req), String(req.params.id))) });
  });

  router.get('/evaluations', async (req, res) => {
    reply(res, municipalityEvaluationSchema, await municipalityEvaluation(ctx, actorOf(req)));
  });

  return router;
}
