import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import type { PersonalCalendar } from '../../app/ports/calendar-gateway.js';
import { findConversationByEvent } from '../../app/conversation/find-conversation-by-event.js';
import { linkMeetingCommand } from '../../app/conversation/link-meeting.js';
import { viewInvitation } from '../../app/conversation/view-invitation.js';
import { actorOf, type RequestActor } from '../actor.js';
import { reply } from '../respond.js';
import { jsonBody } from '../json-body.js';
import { linkMeetingRequestSchema, parseBody } from '../request-schemas.js';
import { invitationSchema, meetingConversationSchema } from '../../api/conversation.js';

/**
 * The Outlook add-in's way in: the meeting it was opened on (the event's id
 * in the person's own mailbox, REST form) → the conversation; for the
 * municipal lead, a meeting made by hand → a new conversation. Everything
 * else the pane shows comes from the same API as the tab.
 */
export function addinRoutes(ctx: AppContext, calendarOf: (actor: RequestActor) => PersonalCalendar): Router {
  const router = Router();
  router.get('/addin/meeting', async (req, res) => {
    const actor = actorOf(req);
    const eventId = z.string().trim().min(1).max(1000).parse(req.query.eventId);
    reply(res, meetingConversationSchema, { id: await findConversationByEvent(ctx, actor, calendarOf(actor), eventId) });
  });
  router.post('/addin/link', jsonBody(), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(linkMeetingRequestSchema, req.body);
    const { id, created } = await linkMeetingCommand(ctx, actor, calendarOf(actor), body);
    reply(res, meetingConversationSchema, { id }, created ? 201 : 200);
  });
  router.get('/addin/conversations/:id/invitation', async (req, res) => {
    const invitation = await viewInvitation(ctx, actorOf(req), String(req.params.id));
    reply(res, invitationSchema, {
      subject: invitation.subject,
      bodyHtml: invitation.bodyHtml,
      attendees: invitation.attendees.map((a) => ({ address: a.address, name: a.name })),
    });
  });
  return router;
}
