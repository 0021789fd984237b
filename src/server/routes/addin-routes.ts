import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import type { PersonalCalendar } from '../../app/ports/calendar-gateway.js';
import { findConversationByEvent } from '../../app/conversation/find-conversation-by-event.js';
import { actorOf, type RequestActor } from '../actor.js';
import { reply } from '../respond.js';
import { meetingConversationSchema } from '../../api/conversation.js';

/**
 * The Outlook add-in's way in: the meeting it was opened on (the event's id
 * in the person's own mailbox, REST form) → the conversation. Everything else
 * the pane shows comes from the same API as the tab.
 */
export function addinRoutes(ctx: AppContext, calendarOf: (actor: RequestActor) => PersonalCalendar): Router {
  const router = Router();
  router.get('/addin/meeting', async (req, res) => {
    const actor = actorOf(req);
    const eventId = z.string().trim().min(1).max(1000).parse(req.query.eventId);
    reply(res, meetingConversationSchema, { id: await findConversationByEvent(ctx, actor, calendarOf(actor), eventId) });
  });
  return router;
}
