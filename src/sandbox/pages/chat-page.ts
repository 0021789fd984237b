import { escapeHtml } from '../../documents/html-escape.js';
import type { SandboxUser } from '../sandbox-state.js';
import { fill, sandboxTexts } from '../sandbox-texts.js';
import { page } from './layout.js';

const t = sandboxTexts.chatPage;

/**
 * A person's 1:1 chat with the bot. The page is a shell; the chat client
 * (built with the official adaptivecards renderer) draws the messages and
 * posts card actions back through the sandbox's Teams client.
 */
export function renderChatPage(user: SandboxUser): string {
  const name = escapeHtml(user.displayName);
  return page(
    fill(t.title, { name: user.displayName }),
    `<p class="meta">${escapeHtml(fill(t.intro, { name: user.displayName }))}</p>
<style>
#chat{display:flex;flex-direction:column;gap:12px;margin:16px 0}
.msg{max-width:640px;background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px rgba(0,0,0,.15)}
.msg.user{align-self:flex-end;background:#e8ebfa}
.msg .who{font-size:13px;color:#616161;margin-bottom:4px}
.msg .error{color:#a4262c;margin-top:8px}
.ac-pushButton{font:inherit;padding:6px 14px;border-radius:4px;border:1px solid #5b5fc7;background:#5b5fc7;color:#fff;cursor:pointer;margin-top:8px}
.ac-textInput,.ac-multichoiceInput{font:inherit}
form.compose{display:flex;gap:8px;position:sticky;bottom:0;background:#f5f5f5;padding:8px 0}
form.compose input{flex:1;font:inherit;padding:6px}
</style>
<div id="chat" role="log" aria-live="polite" aria-label="${name}" data-upn="${escapeHtml(user.userPrincipalName)}"
  data-texts="${escapeHtml(JSON.stringify({ you: t.you, bot: t.bot, updated: t.updated, empty: t.empty, notInstalled: fill(t.notInstalled, { name: user.displayName }) }))}"></div>
<form class="compose" id="compose"><label for="message" class="meta" style="align-self:center">${escapeHtml(t.messageLabel)}</label>
<input id="message" name="message" autocomplete="off" maxlength="2000"><button class="primary" type="submit">${escapeHtml(t.send)}</button></form>
<script type="module" src="/sandbox/assets/chat-client.js"></script>`,
  );
}
