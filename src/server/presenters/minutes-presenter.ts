import type { MinutesView } from '../../app/minutes/minutes-view.js';
import type { MinutesDetails } from '../../api/minutes.js';
import { warningFingerprint } from '../../domain/minutes.js';
import { conversationPolicy, type Actor } from '../../policies/conversation-policy.js';

/** The minutes editor's view: content, the guard's findings on the public note, links, what this person may do. */
export function presentMinutes(view: MinutesView, actor: Actor): MinutesDetails {
  const { conversation } = view.stored;
  const unconfirmed = new Set(view.approval.unconfirmedWarnings.map(warningFingerprint));
  return {
    version: view.minutes.version,
    content: view.minutes.content,
    status: conversation.status,
    agenda: conversation.template.items.map((i) => ({ key: i.key, title: i.title, minutesPrompt: i.minutesPrompt })),
    // Shown under the template's evaluation item ("Samtale om samtalen"), for the writer to use or leave.
    evaluationDraft: view.evaluationDraft,
    // Under each item whose reflection round was revealed: the answers, for the writer to use or leave.
    reflectionDrafts: view.reflectionDrafts,
    timeUse: view.timeUse.map((u) => ({ key: u.key, plannedMinutes: u.plannedMinutes, actualMinutes: u.actualMinutes })),
    opensAt: conversation.startsAt.toISOString(),
    beforeMeeting: view.beforeMeeting && view.minutes.approvedAt === null,
    serverNow: view.now.toISOString(),
    findings: view.approval.findings.map((f) => ({
      field: f.field,
      rule: f.rule,
      severity: f.severity,
      text: f.text,
      start: f.start,
      end: f.end,
      sentence: f.sentence.text,
      fingerprint: warningFingerprint(f),
      confirmed: f.severity === 'warning' && !unconfirmed.has(warningFingerprint(f)),
    })),
    guardInstitutions: view.guardInstitutions,
    approved: view.minutes.approvedAt !== null,
    links: {
      internal: view.minutes.internalWebUrl,
      publicDocx: view.minutes.publicDocxWebUrl,
      publicNote: view.publicNoteUrl,
      website: view.minutes.websiteUrl,
    },
    permissions: {
      edit: conversationPolicy.canEditMinutes(actor, conversation) && view.minutes.approvedAt === null && !view.beforeMeeting,
      approve: conversationPolicy.canApproveMinutes(actor, conversation) && view.minutes.approvedAt === null,
      recordWebsite: conversationPolicy.canApproveMinutes(actor, conversation) && view.minutes.approvedAt !== null,
    },
  };
}
