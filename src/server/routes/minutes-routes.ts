import express, { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { viewMinutes, type MinutesView } from '../../app/minutes/minutes-view.js';
import { saveMinutes } from '../../app/minutes/save-minutes.js';
import { approveMinutesCommand } from '../../app/minutes/approve-minutes.js';
import { recordWebsiteUrl } from '../../app/minutes/record-website-url.js';
import { minutesContentSchema, warningFingerprint } from '../../domain/minutes.js';
import { conversationPolicy } from '../../policies/conversation-policy.js';
import { actorOf, type RequestActor } from '../actor.js';
import { parseBody, versionedActionSchema } from '../request-schemas.js';

const saveSchema = z.object({ version: z.number().int().min(0), content: minutesContentSchema });

function presentMinutes(view: MinutesView, actor: RequestActor) {
  const { conversation } = view.stored;
  const unconfirmed = new Set(view.approval.unconfirmedWarnings.map(warningFingerprint));
  return {
    version: view.minutes.version,
    content: view.minutes.content,
    status: conversation.status,
    agenda: conversation.template.items.map((i) => ({ key: i.key, title: i.title, minutesPrompt: i.minutesPrompt })),
    // Shown under the template's evaluation item ("Samtale om samtalen"), for the writer to use or leave.
    evaluationDraft: view.evaluationDraft,
    findings: view.approval.guard.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      text: f.text,
      start: f.start,
      end: f.end,
      sentence: f.sentence.text,
      fingerprint: warningFingerprint(f),
      confirmed: f.severity === 'warning' && !unconfirmed.has(warningFingerprint(f)),
    })),
    approved: view.minutes.approvedAt !== null,
    links: {
      internal: view.minutes.internalWebUrl,
      publicDocx: view.minutes.publicDocxWebUrl,
      publicNote: view.publicNoteUrl,
      website: view.minutes.websiteUrl,
    },
    permissions: {
      edit: conversationPolicy.canEditMinutes(actor, conversation) && view.minutes.approvedAt === null,
      approve: conversationPolicy.canApproveMinutes(actor, conversation) && view.minutes.approvedAt === null,
      recordWebsite: conversationPolicy.canApproveMinutes(actor, conversation) && view.minutes.approvedAt !== null,
    },
  };
}

/** The minutes editor's API: read with the guard's findings, save with a version, approve. */
export function minutesRoutes(ctx: AppContext): Router {
  const router = Router();
  const present = async (actor: RequestActor, id: string) => presentMinutes(await viewMinutes(ctx, actor, id), actor);

  router.get('/conversations/:id/minutes', async (req, res) => {
    res.json(await present(actorOf(req), req.params.id));
  });
  router.put('/conversations/:id/minutes', express.json({ limit: '512kb' }), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(saveSchema, req.body, []);
    await saveMinutes(ctx, actor, req.params.id, body.version, body.content);
    res.json(await present(actor, req.params.id));
  });
  router.post('/conversations/:id/minutes/approve', express.json(), async (req, res) => {
    const actor = actorOf(req);
    const body = parseBody(versionedActionSchema, req.body, []);
    await approveMinutesCommand(ctx, actor, req.params.id, body.version);
    res.json(await present(actor, req.params.id));
  });
  router.put('/conversations/:id/minutes/website-url', express.json(), async (req, res) => {
    const actor = actorOf(req);
    const { url } = parseBody(z.object({ url: z.url({ protocol: /^https?$/ }).max(2000) }), req.body, []);
    await recordWebsiteUrl(ctx, actor, req.params.id, url);
    res.json(await present(actor, req.params.id));
  });
  return router;
}
