import express, { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { registerSchoolPlan } from '../../app/school-plans/register-school-plan.js';
import { removeSchoolPlan } from '../../app/school-plans/remove-school-plan.js';
import { schoolPlanDocument, viewSchoolPlan } from '../../app/school-plans/view-school-plan.js';
import { maxDocumentBytes } from '../../app/uploaded-file.js';
import { uploadedFileFrom } from '../uploaded-file-from-request.js';
import { actorOf } from '../actor.js';
import { reply } from '../respond.js';
import { schoolPlanSchema } from '../../api/catalog.js';

const kindSchema = z.enum(['handlingsplan', 'udviklingsplan']);
const present = (plan: Awaited<ReturnType<typeof viewSchoolPlan>>) =>
  plan ? { kind: plan.kind, fileName: plan.fileName, sizeBytes: plan.sizeBytes, registeredAt: plan.registeredAt.toISOString() } : null;

/** A school's handlingsplan or udviklingsplan: register with its document, download, remove. */
export function schoolPlanRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/schools/:schoolId/plan', async (req, res) => {
    reply(res, schoolPlanSchema, { plan: present(await viewSchoolPlan(ctx, actorOf(req), req.params.schoolId)) });
  });
  router.put('/schools/:schoolId/plan', express.raw({ type: () => true, limit: maxDocumentBytes + 1024 }), async (req, res) => {
    const actor = actorOf(req);
    const kind = kindSchema.parse(req.header('x-plan-kind'));
    await registerSchoolPlan(ctx, actor, req.params.schoolId, kind, uploadedFileFrom(req));
    reply(res, schoolPlanSchema, { plan: present(await viewSchoolPlan(ctx, actor, req.params.schoolId)) });
  });
  router.get('/schools/:schoolId/plan/document', async (req, res) => {
    const document = await schoolPlanDocument(ctx, actorOf(req), req.params.schoolId);
    if (!document) return res.status(404).end();
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.plan.fileName)}`);
    res.type(document.plan.contentType).send(document.content);
  });
  router.delete('/schools/:schoolId/plan', async (req, res) => {
    await removeSchoolPlan(ctx, actorOf(req), req.params.schoolId);
    reply(res, schoolPlanSchema, { plan: null });
  });
  return router;
}
