import { Router, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { driveAgenda, viewLiveAgenda, type LiveRunView } from '../../app/meeting/live-agenda.js';
import type { AgendaAction } from '../../domain/agenda-clock.js';
import { actorOf } from '../actor.js';
import { reply } from '../respond.js';
import { jsonBody } from '../json-body.js';
import { parseBody } from '../request-schemas.js';
import { liveAgendaSchema, liveRunSchema } from '../../api/meeting.js';
import type { meetingStreamHub } from '../meeting-stream-hub.js';

const itemKey = z.string().min(1).max(100);
const actionSchema: z.ZodType<AgendaAction> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start') }),
  z.object({ kind: z.literal('pause') }),
  z.object({ kind: z.literal('resume') }),
  z.object({ kind: z.literal('next'), fromItemKey: itemKey }),
  z.object({ kind: z.literal('moveMinutes'), fromItemKey: itemKey, toItemKey: itemKey, minutes: z.number().int().min(1).max(240) }),
  z.object({ kind: z.literal('end') }),
]);

const present = (live: LiveRunView) => ({ run: live.run, version: live.version, serverNow: live.serverNow.toISOString() });

/** The meeting's live agenda: read it, drive it, and follow it as it changes (server-sent events). */
export function meetingRoutes(ctx: AppContext, hub: ReturnType<typeof meetingStreamHub<LiveRunView>>): Router {
  const router = Router();
  router.get('/conversations/:id/meeting', async (req, res) => {
    const view = await viewLiveAgenda(ctx, actorOf(req), String(req.params.id));
    const c = view.conversation;
    reply(res, liveAgendaSchema, {
      conversationId: c.id,
      schoolName: c.schoolName,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      canDrive: view.canDrive,
      canFacilitate: view.canDrive,
      items: c.template.items.map((i) => ({
        key: i.key,
        title: i.title,
        goal: i.goal,
        minutes: i.minutes,
        responsibleRoles: i.responsibleRoles,
        reflectionQuestions: i.reflectionQuestions,
      })),
      live: present(view.live),
    });
  });

  router.post('/conversations/:id/meeting/actions', jsonBody(), async (req, res) => {
    const action = parseBody(actionSchema, req.body);
    reply(res, liveRunSchema, present(await driveAgenda(ctx, actorOf(req), String(req.params.id), action)));
  });

  // A stream per open view: the state now, then every change; a comment every 15 s keeps proxies from closing it.
  router.get('/conversations/:id/meeting/stream', async (req, res: Response) => {
    const id = String(req.params.id);
    const view = await viewLiveAgenda(ctx, actorOf(req), id);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const send = (live: LiveRunView) => res.write(`event: run\ndata: ${JSON.stringify(present(live))}\n\n`);
    send(view.live);
    const unsubscribe = await hub.subscribe(id, send);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      unsubscribe();
      clearInterval(keepAlive);
    });
  });
  return router;
}
