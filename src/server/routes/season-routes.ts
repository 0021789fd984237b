import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import type { PersonalCalendar } from '../../app/ports/calendar-gateway.js';
import { proposeSeasonSlots } from '../../app/season/propose-season.js';
import { planSeasonCommand } from '../../app/season/plan-season.js';
import { actorOf, type RequestActor } from '../actor.js';
import { reply } from '../respond.js';
import { jsonBody } from '../json-body.js';
import { parseBody } from '../request-schemas.js';
import { errorBody } from '../error-mapping.js';
import { localeFromAcceptLanguage } from '../../i18n/messages.js';
import { seasonPlanResultSchema, seasonProposalSchema } from '../../api/season.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const proposalQuery = z.object({
  from: date,
  to: date,
  templateId: z.string().min(1).max(100),
  facilitatorUpn: z.string().email().max(320).optional(),
});
const planSchema = z.object({
  templateId: z.string().min(1).max(100),
  theme: z.string().trim().min(1).max(200),
  extraTopics: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
  facilitatorUpn: z.string().email().max(320).nullable().default(null),
  slots: z
    .array(
      z.object({
        schoolId: z.string().min(1).max(100),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(100),
});

/** The municipality's season: a proposed slot for every school from the people's free/busy, then all planned at once. */
export function seasonRoutes(ctx: AppContext, calendarOf: (actor: RequestActor) => PersonalCalendar): Router {
  const router = Router();
  router.get('/season/proposal', async (req, res) => {
    const actor = actorOf(req);
    const query = parseBody(proposalQuery, req.query);
    const proposal = await proposeSeasonSlots(ctx, actor, calendarOf(actor), { ...query, facilitatorUpn: query.facilitatorUpn ?? null });
    reply(res, seasonProposalSchema, {
      ...proposal,
      proposals: proposal.proposals.map((p) =>
        p.kind === 'slot'
          ? { ...p, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString() }
          : {
              ...p,
              reason: p.reason,
              nearest: p.nearest && { startsAt: p.nearest.startsAt.toISOString(), endsAt: p.nearest.endsAt.toISOString() },
            },
      ),
      alreadyPlanned: proposal.alreadyPlanned.map((p) => ({ ...p, startsAt: p.startsAt.toISOString() })),
    });
  });

  router.post('/season', jsonBody({ limit: '256kb' }), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(planSchema, req.body);
    const outcomes = await planSeasonCommand(ctx, actor, {
      ...body,
      slots: body.slots.map((s) => ({ schoolId: s.schoolId, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
    });
    const locale = localeFromAcceptLanguage(req.header('accept-language'));
    reply(res, seasonPlanResultSchema, {
      outcomes: outcomes.map((o) =>
        o.outcome === 'refused'
          ? { schoolId: o.schoolId, outcome: o.outcome, code: o.code, message: errorBody(o.code, locale, o.details).message }
          : o,
      ),
    });
  });
  return router;
}
