import { escapeHtml } from '../../documents/html-escape.js';
import type { SandboxState } from '../sandbox-state.js';
import { sandboxTexts } from '../sandbox-texts.js';
import { page } from './layout.js';

const t = sandboxTexts.pages;

export function renderPeoplePage(state: SandboxState): string {
  const rows = state.users
    .map((u) => {
      const unread = state.messages.filter((m) => m.mailbox === u.userPrincipalName).length;
      return `<tr><td>${escapeHtml(u.displayName)}</td><td>${escapeHtml(u.jobTitle)}</td><td>${escapeHtml(u.department)}</td>
<td><a href="/sandbox/mail/${encodeURIComponent(u.userPrincipalName)}">${escapeHtml(t.mailbox)}</a> <span class="badge" aria-label="${unread} beskeder">${unread}</span></td>
<td><a href="/sandbox/chat/${encodeURIComponent(u.userPrincipalName)}">${escapeHtml(t.chat)}</a></td></tr>`;
    })
    .join('');
  return page(
    t.title,
    `<p>${escapeHtml(t.intro)}</p>
<table><caption class="meta" style="text-align:left">${escapeHtml(t.people)}</caption>
<thead><tr><th scope="col">${escapeHtml(t.name)}</th><th scope="col">Titel</th><th scope="col">Enhed</th><th scope="col">${escapeHtml(t.mailbox)}</th><th scope="col">${escapeHtml(t.chat)}</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}
