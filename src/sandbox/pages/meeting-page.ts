import { escapeHtml } from '../../documents/html-escape.js';
import type { SandboxEvent, SandboxMeetingChat, SandboxUser } from '../sandbox-state.js';
import { sandboxTexts, fill } from '../sandbox-texts.js';
import { sandboxTenantId } from '../graph/teamwork-handlers.js';
import { page } from './layout.js';

const t = sandboxTexts.pages;
const wallClock = (value: { dateTime: string }) => value.dateTime.slice(0, 16).replace('T', ' ');

/** Who may join: the organiser and the invitees, each joining as themselves. */
export function renderMeetingLobby(event: SandboxEvent, people: SandboxUser[], joinPath: string): string {
  return page(
    fill(t.meetingTitle, { subject: event.subject }),
    `<section class="card"><p>${escapeHtml(t.when)}: ${escapeHtml(wallClock(event.start))}–${escapeHtml(wallClock(event.end).slice(11))}</p>
<p>${escapeHtml(t.meetingJoinAs)}</p><ul>${people
      .map(
        (p) =>
          `<li><a href="${escapeHtml(`${joinPath}&as=${encodeURIComponent(p.userPrincipalName)}`)}">${escapeHtml(p.displayName)}</a></li>`,
      )
      .join('')}</ul></section>`,
  );
}

/**
 * The meeting as Teams shows it to one person: the stage (what someone shared
 * there) and the side panel with the app's tab — or, when the app has no tab
 * in this meeting yet, its configuration page with Teams' own "Gem". The
 * pages in the frames are the app's own; the stand-in for Teams around them
 * answers teams-js as the Teams client does.
 */
export function renderMeetingView(options: {
  event: SandboxEvent;
  chat: SandboxMeetingChat;
  user: SandboxUser;
  token: string;
  appUrl: string;
}): string {
  const { event, chat, user, token, appUrl } = options;
  const base = `/sandbox/teams/meetings/${encodeURIComponent(chat.id)}`;
  const hostConfig = {
    chatId: chat.id,
    meetingId: chat.onlineMeetingId,
    tenantId: sandboxTenantId,
    user: { id: user.id, upn: user.userPrincipalName, displayName: user.displayName },
    token,
    locale: 'da-DK',
    base,
  };
  const tab = chat.tabs[0];
  const side = tab
    ? `<iframe title="${escapeHtml(tab.displayName)}" data-frame-context="sidePanel" data-entity-id="${escapeHtml(tab.entityId)}" src="${escapeHtml(tab.contentUrl)}" style="width:320px;height:80vh;border:1px solid #ddd;background:#fff"></iframe>`
    : `<div style="width:320px"><p>${escapeHtml(t.meetingNoApp)}</p>
<iframe title="${escapeHtml(t.meetingConfigure)}" data-frame-context="settings" src="${escapeHtml(appUrl)}/" style="width:320px;height:60vh;border:1px solid #ddd;background:#fff"></iframe>
<p><button type="button" id="config-save" class="primary" disabled>${escapeHtml(t.meetingConfigureSave)}</button></p></div>`;
  const action = (kind: 'start' | 'end', label: string, done: string | null) =>
    done
      ? `<span class="badge">${escapeHtml(fill(kind === 'start' ? t.meetingStarted : t.meetingEnded, { at: done.slice(11, 16) }))}</span>`
      : `<form method="post" action="${base}/${kind}?as=${encodeURIComponent(user.userPrincipalName)}"><button type="submit">${escapeHtml(label)}</button></form>`;
  return page(
    fill(t.meetingTitle, { subject: event.subject }),
    `<script type="application/json" id="teams-host">${JSON.stringify(hostConfig).replace(/</g, '\\u003c')}</script>
<div style="display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:8px">
<span>${escapeHtml(fill(t.meetingYou, { name: user.displayName }))}</span>
${action('start', t.meetingStart, chat.startedAt)}${action('end', t.meetingEnd, chat.endedAt)}
</div>
<div style="display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start">
<section aria-label="${escapeHtml(t.meetingStage)}" style="flex:1;min-width:320px;min-height:60vh;background:#201f1f;color:#fff;border-radius:8px;padding:8px">
<p id="stage-empty" ${chat.stageUrl ? 'hidden' : ''}>${escapeHtml(t.meetingStageEmpty)}</p>
<iframe title="${escapeHtml(t.meetingStage)}" data-frame-context="meetingStage" ${chat.stageUrl ? `src="${escapeHtml(chat.stageUrl)}"` : 'hidden'} style="width:100%;height:70vh;border:0;background:#fff"></iframe>
</section>
<aside aria-label="${escapeHtml(t.meetingSidePanel)}">${side}</aside>
</div>
<script src="/sandbox/assets/teams-host.js"></script>`,
  );
}
