import { Router } from 'express';
import { z } from 'zod';
import type { Directory } from '../../app/ports/directory.js';
import type { AppContext } from '../../app/app-context.js';
import { actorOf } from '../actor.js';
import { reply } from '../respond.js';
import { catalogSchema, meSchema, overviewSchema, peopleSchema } from '../../api/catalog.js';
import { totalMinutes } from '../../domain/agenda-timing.js';
import { municipalityOverview } from '../../app/overview/municipality-overview.js';

/**
 * @param directoryAs the directory as the signed-in person sees it (Graph On-Behalf-Of them in
 *   Microsoft 365 mode), for searching people: nobody finds someone the directory hides from them.
 */
export function catalogRoutes(ctx: AppContext, mode: 'local' | 'm365', directoryAs: (token: string) => Directory): Router {
  const router = Router();

  router.get('/me', (req, res) => {
    const actor = actorOf(req);
    reply(res, meSchema, { upn: actor.upn, displayName: actor.displayName, isMunicipalLead: actor.isMunicipalLead, mode });
  });

  /** What the plan dialog needs: schools, the templates in full (for the timed preview), the default theme. */
  router.get('/catalog', async (_req, res) => {
    // The school leaders' names from the directory (cached), so the plan page names a person, not an address.
    const leaders = await Promise.all(ctx.organisation.schools.map((s) => ctx.directory.getUser(s.leaderUpn).catch(() => null)));
    const facilitators = await Promise.all(ctx.organisation.facilitators.map((upn) => ctx.directory.getUser(upn).catch(() => null)));
    reply(res, catalogSchema, {
      municipality: ctx.organisation.municipality,
      defaultTheme: ctx.organisation.defaultTheme,
      schools: ctx.organisation.schools.map((s, i) => ({
        id: s.id,
        name: s.name,
        leaderUpn: s.leaderUpn,
        leaderName: leaders[i]?.displayName ?? s.leaderUpn,
      })),
      templates: ctx.templates.map((t) => ({ ...t, totalMinutes: totalMinutes(t.items) })),
      facilitators: ctx.organisation.facilitators.map((upn, i) => ({ upn, displayName: facilitators[i]?.displayName ?? upn })),
    });
  });

  router.get('/overview', async (req, res) => {
    reply(res, overviewSchema, await municipalityOverview(ctx, actorOf(req)));
  });

  router.get('/people', async (req, res) => {
    const q = z.string().trim().min(2).max(100).parse(req.query.q);
    const people = await directoryAs(actorOf(req).token).search(q);
    reply(res, peopleSchema, { people: people.map((p) => ({ upn: p.upn, displayName: p.displayName, jobTitle: p.jobTitle })) });
  });

  return router;
}
