import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { viewYear } from '../../app/year/view-year.js';
import { remindSchool } from '../../app/year/remind-school.js';
import { recordNoConversationReason } from '../../app/year/record-reason.js';
import { actorOf } from '../actor.js';
import { reply } from '../respond.js';
import { jsonBody } from '../json-body.js';
import { parseBody } from '../request-schemas.js';
import { briefingSavedSchema, briefingSchema, remindedSchema, yearSchema } from '../../api/year.js';
import { viewBriefing } from '../../app/year/briefing.js';
import { saveBriefingCommand } from '../../app/year/save-briefing.js';
import { briefingCharts } from '../../documents/briefing-docx.js';

const schoolYear = z
  .string()
  .regex(/^\d{4}\/\d{2}$/)
  .optional();

/** The municipality's annual cycle: each school's state, a reminder one click away, the reasons behind a missing conversation. */
export function yearRoutes(ctx: AppContext): Router {
  const router = Router();
  const present = async (req: Parameters<typeof actorOf>[0], year?: string) => {
    const view = await viewYear(ctx, actorOf(req), year);
    return {
      ...view,
      schools: view.schools.map((s) => ({
        ...s,
        conversation: s.conversation && {
          id: s.conversation.id,
          startsAt: s.conversation.startsAt.toISOString(),
          status: s.conversation.status,
        },
      })),
    };
  };
  router.get('/year', async (req, res) => {
    reply(res, yearSchema, await present(req, schoolYear.parse(req.query.schoolYear)));
  });
  router.post('/year/schools/:schoolId/remind', async (req, res) => {
    reply(res, remindedSchema, await remindSchool(ctx, actorOf(req), String(req.params.schoolId)));
  });
  router.put('/year/schools/:schoolId/reason', jsonBody(), async (req, res) => {
    const body = parseBody(z.object({ schoolYear: z.string().regex(/^\d{4}\/\d{2}$/), reason: z.string().trim().max(1000) }), req.body);
    await recordNoConversationReason(ctx, actorOf(req), body.schoolYear, String(req.params.schoolId), body.reason);
    reply(res, yearSchema, await present(req, body.schoolYear));
  });
  router.get('/year/briefing', async (req, res) => {
    const view = await viewBriefing(ctx, actorOf(req), schoolYear.parse(req.query.schoolYear));
    reply(res, briefingSchema, {
      ...view,
      charts: briefingCharts(view),
      versions: view.versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    });
  });
  router.post('/year/briefing', jsonBody(), async (req, res) => {
    const body = parseBody(
      z.object({ schoolYear: z.string().regex(/^\d{4}\/\d{2}$/), confirmed: z.array(z.string().max(2000)).max(500).default([]) }),
      req.body,
    );
    reply(res, briefingSavedSchema, await saveBriefingCommand(ctx, actorOf(req), body.schoolYear, body.confirmed), 202);
  });
  return router;
}
