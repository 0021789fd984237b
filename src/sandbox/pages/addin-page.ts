import { escapeHtml } from '../../documents/html-escape.js';
import type { SandboxEvent, SandboxUser } from '../sandbox-state.js';
import { sandboxTexts } from '../sandbox-texts.js';
import { page } from './layout.js';

const t = sandboxTexts.pages;
const wallClock = (value: { dateTime: string }) => value.dateTime.slice(0, 16).replace('T', ' ');

/**
 * A meeting in a sandbox mailbox with the Outlook add-in's pane beside it, as
 * Outlook shows it: the pane is its own document (an iframe here, a webview
 * there) running the add-in's own bundle over the office.js stand-in — read
 * mode for an invitee's copy, compose mode (with an editable end) for the
 * organiser's event.
 */
export function renderAddinPage(user: SandboxUser, event: SandboxEvent): string {
  const compose = event.isOrganizer;
  const endShown = wallClock(event.end).slice(11);
  const paneUrl = `/sandbox/mail/${encodeURIComponent(user.userPrincipalName)}/addin/${encodeURIComponent(event.id)}/pane`;
  const attendees = event.attendees.length
    ? `<ul data-testid="attendees">${event.attendees.map((a) => `<li>${escapeHtml(a.emailAddress.name)} &lt;${escapeHtml(a.emailAddress.address)}&gt;</li>`).join('')}</ul>`
    : `<p data-testid="attendees">${escapeHtml(t.addinNoAttendees)}</p>`;
  const item = `<section class="card" style="flex:1;min-width:260px" aria-label="${escapeHtml(t.addinMeeting)}">
<h2 style="font-size:18px;margin:0 0 8px">${escapeHtml(event.subject)}</h2>
<p>${escapeHtml(t.when)}: ${escapeHtml(wallClock(event.start))}–${escapeHtml(endShown)}</p>
<p class="meta">${escapeHtml(compose ? t.addinComposeNote : t.addinReadNote)}</p>
${
  compose
    ? `<form id="change-end" style="display:flex;gap:8px;align-items:end"><label>${escapeHtml(t.addinEnd)}<br><input name="end" type="time" value="${escapeHtml(endShown)}"></label><button type="submit">${escapeHtml(t.addinChangeEnd)}</button></form>
<h3 style="font-size:16px">${escapeHtml(t.addinAttendees)}</h3>${attendees}
<p><button type="button" id="save-meeting" class="primary">${escapeHtml(t.addinSave)}</button> <span id="save-state" role="status" data-unsaved="${escapeHtml(t.addinUnsavedChanges)}"></span></p>
<script src="/sandbox/assets/addin-compose-page.js"></script>`
    : ''
}
<details open><summary>${escapeHtml(t.addinBody)}</summary><iframe sandbox title="${escapeHtml(t.addinBody)}" data-testid="meeting-body" srcdoc="${escapeHtml(event.body.content)}" style="width:100%;min-height:320px;border:0"></iframe></details>
</section>`;
  const pane = `<iframe title="Udviklingssamtale" src="${paneUrl}" style="width:360px;max-width:100%;height:85vh;border:1px solid #ddd;background:#fff"></iframe>`;
  return page(
    `${t.addinTitle} – ${user.displayName}`,
    `<div style="display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start">${item}${pane}</div>`,
  );
}

/** The pane's own document: the stand-in's item and token, then the add-in's bundle exactly as Outlook loads it. */
export function renderAddinPane(event: SandboxEvent, token: string): string {
  const toIso = (value: { dateTime: string; timeZone: string }) =>
    // The sandbox keeps Graph's wall-clock times in Copenhagen (Romance Standard Time) unless they are UTC.
    new Date(`${value.dateTime.slice(0, 19)}${value.timeZone === 'UTC' ? 'Z' : copenhagenOffset(value.dateTime)}`).toISOString();
  const config = {
    mode: event.isOrganizer ? 'compose' : 'read',
    itemId: event.id,
    mailbox: event.mailbox,
    bodyHtml: event.body.content,
    attendees: event.attendees.map((a) => ({ emailAddress: a.emailAddress.address, displayName: a.emailAddress.name })),
    subject: event.subject,
    start: toIso(event.start),
    end: toIso(event.end),
    displayLanguage: 'da-DK',
    token,
  };
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Udviklingssamtale</title>
<style>body{margin:0;font-family:"Segoe UI",system-ui,sans-serif}</style>
<script type="application/json" id="office-stand-in">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script src="/sandbox/assets/office-stand-in.js"></script>
<script type="module" src="/addin/addin.js"></script>
</head><body><div id="root"></div></body></html>`;
}

/** "+01:00" or "+02:00" for a Copenhagen wall-clock time (summer time from the last Sunday of March to the last of October). */
function copenhagenOffset(local: string): string {
  const probe = new Date(`${local.slice(0, 19)}Z`);
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', timeZoneName: 'shortOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name === 'GMT+2' ? '+02:00' : '+01:00';
}
