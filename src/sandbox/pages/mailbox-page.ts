import { escapeHtml, safeHref } from '../../documents/html-escape.js';
import type { SandboxEvent, SandboxState, SandboxUser } from '../sandbox-state.js';
import { sandboxTexts, fill } from '../sandbox-texts.js';
import { formatInstant, page } from './layout.js';

const t = sandboxTexts.pages;

const wallClock = (value: { dateTime: string }) => value.dateTime.slice(0, 16).replace('T', ' ');

function responseForm(user: SandboxUser, event: SandboxEvent): string {
  const actions: [string, string, string][] = [
    ['accept', t.accept, 'primary'],
    ['tentativelyAccept', t.tentative, ''],
    ['decline', t.decline, ''],
  ];
  return `<form method="post" action="/sandbox/mail/${encodeURIComponent(user.userPrincipalName)}/respond" style="display:flex;gap:8px;margin-top:8px">
<input type="hidden" name="eventId" value="${escapeHtml(event.id)}">
${actions.map(([action, label, cls]) => `<button type="submit" name="action" value="${action}" class="${cls}">${escapeHtml(label)}</button>`).join('')}
</form>`;
}

/** Opens the meeting with the Outlook add-in's pane beside it (the office.js stand-in). */
const addinLink = (user: SandboxUser, event: SandboxEvent) =>
  `<p><a class="button" href="/sandbox/mail/${encodeURIComponent(user.userPrincipalName)}/addin/${encodeURIComponent(event.id)}">${escapeHtml(t.addinOpen)}</a></p>`;

/** The mailbox's own meetings (the organiser's included, which no message carries), each with the add-in. */
function calendarSection(state: SandboxState, user: SandboxUser): string {
  const events = state.events.filter((e) => e.mailbox === user.userPrincipalName && !e.isCancelled);
  if (events.length === 0) return '';
  return `<section class="card" aria-labelledby="calendar"><h2 id="calendar" style="font-size:18px;margin:0">${escapeHtml(t.calendar)}</h2><ul>${events
    .map(
      (e) =>
        `<li>${escapeHtml(wallClock(e.start))} ${escapeHtml(e.subject)} · <a href="/sandbox/mail/${encodeURIComponent(user.userPrincipalName)}/addin/${encodeURIComponent(e.id)}">${escapeHtml(t.addinOpen)}</a></li>`,
    )
    .join('')}</ul></section>`;
}

/** A Teams meeting made by hand in this mailbox, as in Outlook's "New meeting" (through the sandbox's Graph). */
function newMeetingForm(user: SandboxUser): string {
  const field = (name: string, label: string, type: string, value: string) =>
    `<label>${escapeHtml(label)}<br><input name="${name}" type="${type}" value="${escapeHtml(value)}" required></label>`;
  return `<details class="card"><summary>${escapeHtml(t.newMeeting)}</summary>
<p class="meta">${escapeHtml(t.newMeetingNote)}</p>
<form method="post" action="/sandbox/mail/${encodeURIComponent(user.userPrincipalName)}/events" style="display:flex;flex-wrap:wrap;gap:8px;align-items:end">
${field('subject', t.newMeetingSubject, 'text', 'Skoleudviklingssamtale')}${field('date', t.newMeetingDate, 'date', '2027-04-14')}${field('start', t.newMeetingStart, 'time', '09:00')}${field('end', t.newMeetingEnd, 'time', '11:00')}
<button type="submit" class="primary">${escapeHtml(t.newMeetingCreate)}</button>
</form></details>`;
}

/** One person's inbox: meeting requests, updates, cancellations and replies, newest first. */
export function renderMailboxPage(state: SandboxState, user: SandboxUser): string {
  const messages = state.messages.filter((m) => m.mailbox === user.userPrincipalName).reverse();
  const cards = messages.map((m) => {
    const event = state.events.find((e) => e.id === m.eventId && e.mailbox === user.userPrincipalName);
    const join = event?.onlineMeeting?.joinUrl ? safeHref(event.onlineMeeting.joinUrl) : null;
    const canRespond = event && !event.isOrganizer && !event.isCancelled && (m.kind === 'meetingRequest' || m.kind === 'meetingUpdate');
    const isLatest = event && messages.find((other) => other.eventId === event.id && other.kind !== 'meetingResponse') === m;
    return `<article class="card" aria-labelledby="msg-${m.id}" id="${escapeHtml(event?.id ?? m.id)}">
<p class="meta"><span class="badge">${escapeHtml(t.kind[m.kind])}</span> ${escapeHtml(t.from)}: ${escapeHtml(m.from.name)} · ${escapeHtml(t.received)}: ${escapeHtml(formatInstant(m.receivedDateTime))}</p>
<h2 id="msg-${m.id}" style="font-size:18px;margin:4px 0">${escapeHtml(m.subject)}</h2>
${event ? `<p>${escapeHtml(t.when)}: ${escapeHtml(wallClock(event.start))}–${escapeHtml(wallClock(event.end).slice(11))} (${escapeHtml(event.start.timeZone)})${join ? ` · <a href="${join}">${escapeHtml(t.joinTeams)}</a>` : ''}</p>` : ''}
${event?.isCancelled ? `<p><strong>${escapeHtml(t.cancelledNote)}</strong></p>` : ''}
${event && !event.isOrganizer ? `<p>${escapeHtml(t.yourResponse)}: <strong data-testid="response">${escapeHtml(t.response[event.responseStatus.response as keyof typeof t.response] ?? event.responseStatus.response)}</strong></p>` : ''}
${canRespond && isLatest ? responseForm(user, event) : ''}
${event && isLatest && !event.isCancelled ? addinLink(user, event) : ''}
${m.bodyHtml ? `<details${isLatest ? ' open' : ''}><summary>Indhold</summary><iframe sandbox title="${escapeHtml(m.subject)}" srcdoc="${escapeHtml(m.bodyHtml)}"></iframe></details>` : ''}
${event?.isOrganizer ? `<p class="meta">${escapeHtml(t.attendees)}: ${event.attendees.map((a) => `${escapeHtml(a.emailAddress.name)} (${escapeHtml(t.response[a.status.response as keyof typeof t.response] ?? a.status.response)})`).join(', ')}</p>` : ''}
</article>`;
  });
  return page(
    fill(t.inbox, { name: user.displayName }),
    newMeetingForm(user) + calendarSection(state, user) + (cards.length ? cards.join('') : `<p>${escapeHtml(t.emptyInbox)}</p>`),
  );
}
