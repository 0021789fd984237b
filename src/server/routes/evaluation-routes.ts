import { Router } from 'express';
import type { AppContext } from '../../app/app-context.js';
import { municipalityEvaluation, viewEvaluation } from '../../app/evaluations.js';
import { viewPreparation } from '../../app/preparation.js';
import { chatOutboxRepository } from '../../store/chat-outbox-repository.js';
import { loadReadableConversation } from '../../app/load-conversation.js';
import { actorOf } from '../actor.js';

/** What the chat brought in: the evaluation's aggregate, preparation answers, and how the chat messages were delivered. */
export function evaluationRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/conversations/:id/evaluation', async (req, res) => {
    res.json(await viewEvaluation(ctx, actorOf(req), String(req.params.id)));
  });

  router.get('/conversations/:id/preparation', async (req, res) => {
    res.json({ answers: await viewPreparation(ctx, actorOf(req), String(req.params.id)) });
  });

  router.get('/conversations/:id/chat-delivery', async (req, res) => {
    await loadReadableConversation(ctx.db, actorOf(req), String(req.params.id));
    res.json({ delivery: await chatOutboxRepository.deliveryFor(ctx.db, String(req.params.id)) });
  });

  router.get('/evaluations', async (req, res) => {
    res.json(await municipalityEvaluation(ctx, actorOf(req)));
  });

  return router;
}
