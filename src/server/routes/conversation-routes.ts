import { jsonBody } from '../json-body.js';
import express, { Router } from 'express';
import type { AppContext } from '../../app/app-context.js';
import { planConversationCommand } from '../../app/conversation/plan-conversation.js';
import { updateSchoolPart } from '../../app/conversation/update-school-part.js';
import { sendAgendaCommand } from '../../app/conversation/send-agenda.js';
import { addDocument } from '../../app/conversation/add-document.js';
import { maxDocumentBytes } from '../../app/uploaded-file.js';
import { uploadedFileFrom } from '../uploaded-file-from-request.js';
import { removeDocument, replaceDocument } from '../../app/conversation/change-document.js';
import { retrySync } from '../../app/conversation/retry-sync.js';
import { cancelConversationCommand } from '../../app/conversation/cancel-conversation.js';
import { setFollowUpStatus } from '../../app/conversation/set-follow-up-status.js';
import { agreementStatusSchema } from '../../domain/follow-up.js';
import { z } from 'zod';
import { viewConversation } from '../../app/conversation/view-conversation.js';
import { listConversations } from '../../app/conversation/list-conversations.js';
import { findConversationByMeeting } from '../../app/conversation/find-conversation-by-meeting.js';
import { actorOf } from '../actor.js';
import { reply } from '../respond.js';
import {
  addedDocumentSchema,
  conversationDetailsSchema,
  conversationListSchema,
  meetingConversationSchema,
} from '../../api/conversation.js';
import {
  changePlanRequestSchema,
  parseBody,
  planRequestSchema,
  schoolPartRequestSchema,
  versionedActionSchema,
  cancelRequestSchema,
} from '../request-schemas.js';
import { changePlanCommand } from '../../app/conversation/change-plan.js';
import { setFirstConversation } from '../../app/conversation/set-first-conversation.js';
import { presentConversation, presentConversationSummary } from '../presenters/conversation-presenter.js';

/** Thin HTTP: parse, call the use case, present. */
export function conversationRoutes(ctx: AppContext): Router {
  const router = Router();
  const present = async (actor: ReturnType<typeof actorOf>, id: string) =>
    presentConversation(await viewConversation(ctx, actor, id), actor, ctx.now());

  router.get('/conversations', async (req, res) => {
    const actor = actorOf(req);
    const list = await listConversations(ctx, actor);
    reply(res, conversationListSchema, { conversations: list.map((c) => presentConversationSummary(c, ctx.now())) });
  });

  router.post('/conversations', jsonBody({ limit: '64kb' }), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(planRequestSchema, req.body);
    const idempotencyKey = req.header('idempotency-key')?.slice(0, 200);
    const { id, created } = await planConversationCommand(
      ctx,
      actor,
      { ...body, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) },
      { idempotencyKey },
    );
    res.location(`/api/conversations/${id}`);
    reply(res, conversationDetailsSchema, await present(actor, id), created ? 201 : 200);
  });

  // The meeting side panel knows only its meeting chat; this finds the conversation (if the person may see it).
  router.get('/conversations/by-meeting', async (req, res) => {
    const { chatId } = parseBody(z.object({ chatId: z.string().min(5).max(300) }), req.query);
    reply(res, meetingConversationSchema, { id: await findConversationByMeeting(ctx, actorOf(req), chatId) });
  });

  router.get('/conversations/:id', async (req, res) => {
    reply(res, conversationDetailsSchema, await present(actorOf(req), req.params.id));
  });

  router.put('/conversations/:id/plan', jsonBody({ limit: '256kb' }), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(changePlanRequestSchema, req.body);
    await changePlanCommand(ctx, actor, req.params.id, body.version, {
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      theme: body.theme,
      extraTopics: body.extraTopics,
      items: body.items,
    });
    reply(res, conversationDetailsSchema, await present(actor, req.params.id));
  });

  router.put('/conversations/:id/first-conversation', jsonBody(), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(versionedActionSchema.extend({ first: z.boolean() }), req.body);
    await setFirstConversation(ctx, actor, req.params.id, body.version, body.first);
    reply(res, conversationDetailsSchema, await present(actor, req.params.id));
  });

  router.put('/conversations/:id/school-part', jsonBody({ limit: '64kb' }), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(schoolPartRequestSchema, req.body);
    await updateSchoolPart(ctx, actor, req.params.id, body);
    reply(res, conversationDetailsSchema, await present(actor, req.params.id));
  });

  router.post('/conversations/:id/send-agenda', jsonBody(), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(versionedActionSchema, req.body);
    await sendAgendaCommand(ctx, actor, req.params.id, body.version);
    reply(res, conversationDetailsSchema, await present(actor, req.params.id));
  });

  // The file is the body; its name travels percent-encoded in a header, so any Danish name survives.
  const rawFile = express.raw({ type: () => true, limit: maxDocumentBytes + 1024 });
  const presentDocument = (d: { id: string; fileName: string; sizeBytes: number }) => ({
    id: d.id,
    fileName: d.fileName,
    sizeBytes: d.sizeBytes,
  });

  // ?replace=true says the person chose to replace the file of the same name.
  router.post('/conversations/:id/documents', rawFile, async (req, res) => {
    const actor = actorOf(req);
    const document = await addDocument(ctx, actor, req.params.id, uploadedFileFrom(req), { replace: req.query.replace === 'true' });
    reply(res, addedDocumentSchema, presentDocument(document), 201);
  });

  router.put('/conversations/:id/documents/:documentId', rawFile, async (req, res) => {
    const actor = actorOf(req);
    const document = await replaceDocument(ctx, actor, req.params.id, req.params.documentId, uploadedFileFrom(req));
    reply(res, addedDocumentSchema, presentDocument(document));
  });

  router.delete('/conversations/:id/documents/:documentId', async (req, res) => {
    const actor = actorOf(req);
    await removeDocument(ctx, actor, req.params.id, req.params.documentId);
    reply(res, conversationDetailsSchema, await present(actor, req.params.id));
  });

  router.post('/conversations/:id/cancel', jsonBody(), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(cancelRequestSchema, req.body);
    await cancelConversationCommand(ctx, actor, req.params.id, body.version, body.message ?? '');
    reply(res, conversationDetailsSchema, await present(actor, req.params.id));
  });

  router.put('/conversations/:id/follow-up/:agreementId', jsonBody(), async (req, res) => {
    const actor = actorOf(req);
    const { status } = parseBody(z.object({ status: agreementStatusSchema }), req.body);
    await setFollowUpStatus(ctx, actor, req.params.id, req.params.agreementId, status);
    reply(res, conversationDetailsSchema, await present(actor, req.params.id));
  });

  router.post('/conversations/:id/retry', async (req, res) => {
    const actor = actorOf(req);
    await retrySync(ctx, actor, req.params.id);
    reply(res, conversationDetailsSchema, await present(actor, req.params.id));
  });

  return router;
}
