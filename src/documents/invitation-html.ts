import type { AgendaView } from './agenda-view.js';
import { escapeHtml, safeHref } from './html-escape.js';
import { serverTexts, interpolate } from '../i18n/messages.js';

const t = serverTexts.da.documents;

const list = (items: readonly string[]) => (items.length === 0 ? '' : `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
const paragraph = (text: string) => (text.trim() ? `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>` : '');
const link = (url: string | null, label: string) => {
  const href = url ? safeHref(url) : null;
  return href ? `<a href="${href}">${escapeHtml(label)}</a>` : escapeHtml(label);
};

/**
 * The Outlook invitation body: the timed agenda as simple HTML that survives
 * Outlook's rendering (tables, no CSS classes). Every string from users or
 * templates is escaped; links are only http(s).
 */
export function renderInvitationHtml(view: AgendaView): string {
  const rows = view.items
    .map(
      (item) => `<tr>
<td style="vertical-align:top;padding:4px 8px;white-space:nowrap">${escapeHtml(item.clock)}<br>${escapeHtml(item.minutesText)}</td>
<td style="vertical-align:top;padding:4px 8px"><strong>${item.number}. ${escapeHtml(item.title)}</strong>${item.goal ? `<br>${escapeHtml(t.goal)}: ${escapeHtml(item.goal)}` : ''}${list(item.extraTopics)}${list(item.followUpAgreements)}</td>
<td style="vertical-align:top;padding:4px 8px">${escapeHtml(item.responsible)}</td>
</tr>`,
    )
    .join('\n');
  const documents = [...(view.agendaUrl ? [{ name: t.agendaLink, url: view.agendaUrl }] : []), ...view.documents];
  return `<html><body>
<p>${escapeHtml(interpolate(t.invitationIntro, { school: view.schoolName }))}</p>
<p><strong>${escapeHtml(t.date)}:</strong> ${escapeHtml(view.dateText)}, ${escapeHtml(view.timeText)}<br>
<strong>${escapeHtml(t.theme)}:</strong> ${escapeHtml(view.theme)}</p>
${view.learningFocus.trim() ? `<p><strong>${escapeHtml(t.learningFocus)}:</strong> ${escapeHtml(view.learningFocus)}</p>` : ''}
${view.developmentAreas.trim() ? `<p><strong>${escapeHtml(t.developmentAreas)}:</strong></p>${paragraph(view.developmentAreas)}` : ''}
<table style="border-collapse:collapse" border="1">
<tr><th style="padding:4px 8px">${escapeHtml(t.itemColumnTime)}</th><th style="padding:4px 8px">${escapeHtml(t.itemColumnTopic)}</th><th style="padding:4px 8px">${escapeHtml(t.itemColumnResponsible)}</th></tr>
${rows}
</table>
${documents.length ? `<p><strong>${escapeHtml(t.documents)}:</strong></p><ul>${documents.map((d) => `<li>${link(d.url, d.name)}</li>`).join('')}</ul>` : ''}
${view.deadlineText ? `<p>${escapeHtml(view.deadlineText)}</p>` : ''}
<p style="color:#666">${escapeHtml(t.footer)}</p>
</body></html>`;
}
