import { Router } from 'express';
import type { AppContext } from '../../app/app-context.js';
import { municipalityEvaluation } from '../../app/evaluation/municipality-evaluation.js';
import { viewEvaluation } from '../../app/evaluation/view-evaluation.js';
import { viewPreparation } from '../../app/preparation/view-preparation.js';
import { actorOf } from '../actor.js';

/** What the chat brought in: the evaluation's aggregate and the preparation answers. */
export function evaluationRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/conversations/:id/evaluation', async (req, res) => {
    res.json(await viewEvaluation(ctx, actorOf(req), String(req.params.id)));
  });

  router.get('/conversations/:id/preparation', async (req, res) => {
    res.json({ answers: await viewPreparation(ctx, actorOf(req), String(req.params.id)) });
  });

  router.get('/evaluations', async (req, res) => {
    res.json(await municipalityEvaluation(ctx, actorOf(req)));
  });

  return router;
}
