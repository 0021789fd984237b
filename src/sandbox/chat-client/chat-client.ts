import * as AC from 'adaptivecards';

/**
 * The sandbox's stand-in for the Teams chat pane. Cards are drawn by the
 * official adaptivecards renderer; Action.Execute goes back to the sandbox,
 * which posts the same invoke activity Teams would and swaps in the card the
 * bot answers with. Messages are redrawn only when they change, so a card
 * someone is typing into is never replaced under their hands.
 */
interface ChatActivity {
  id: string;
  from: 'bot' | 'user';
  text: string;
  attachments: { contentType: string; content: unknown }[];
  timestamp: string;
  updatedAt: string | null;
}

const root = document.getElementById('chat')!;
const upn = root.dataset.upn!;
const texts = JSON.parse(root.dataset.texts!) as Record<'you' | 'bot' | 'updated' | 'empty' | 'notInstalled', string>;
const base = `/sandbox/chat/${encodeURIComponent(upn)}`;
const locale = navigator.language || 'da-DK';
const drawn = new Map<string, { version: string; element: HTMLElement }>();
const refreshed = new Set<string>();

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The bot's plain messages use a little markdown: bold, links, list items, paragraphs. */
function markdown(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
    .split(/\n{2,}/)
    .map((block) =>
      block.split('\n').every((l) => l.startsWith('- '))
        ? `<ul>${block
            .split('\n')
            .map((l) => `<li>${l.slice(2)}</li>`)
            .join('')}</ul>`
        : `<p>${block.replace(/\n/g, '<br>')}</p>`,
    )
    .join('');
}

AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown(text).replace(/^<p>|<\/p>$/g, '');
  result.didProcess = true;
};

async function execute(activityId: string, verb: string, data: unknown, trigger: 'manual' | 'automatic', errorBox: HTMLElement) {
  errorBox.textContent = '';
  const response = await fetch(`${base}/execute`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': locale },
    body: JSON.stringify({ activityId, verb, data, trigger }),
  });
  const outcome = (await response.json()) as { ok: boolean; message?: string };
  if (!outcome.ok) errorBox.textContent = outcome.message ?? '';
  await poll();
}

function renderCard(activity: ChatActivity, content: unknown, errorBox: HTMLElement): HTMLElement {
  const card = new AC.AdaptiveCard();
  card.parse(content as object);
  card.onExecuteAction = (action) => {
    if (action instanceof AC.OpenUrlAction && action.url) window.open(action.url, '_blank', 'noopener');
    else if (action instanceof AC.ExecuteAction) void execute(activity.id, action.verb ?? '', action.data, 'manual', errorBox);
  };
  const refresh = (content as { refresh?: { action?: { verb?: string; data?: unknown } } }).refresh;
  // Teams refreshes a Universal Actions card when it comes into view; the sandbox does it once per message and page load.
  if (refresh?.action?.verb && !refreshed.has(activity.id)) {
    refreshed.add(activity.id);
    void execute(activity.id, refresh.action.verb, refresh.action.data ?? {}, 'automatic', errorBox);
  }
  return card.render() ?? document.createElement('div');
}

function renderActivity(activity: ChatActivity): HTMLElement {
  const element = document.createElement('div');
  element.className = `msg ${activity.from}`;
  element.dataset.activityId = activity.id;
  const who = document.createElement('div');
  who.className = 'who';
  const when = new Date(activity.updatedAt ?? activity.timestamp).toLocaleTimeString('da-DK', { hour: '2-digit', minute: '2-digit' });
  who.textContent = `${activity.from === 'bot' ? texts.bot : texts.you} · ${when}${activity.updatedAt ? ` (${texts.updated})` : ''}`;
  element.append(who);
  const errorBox = document.createElement('div');
  errorBox.className = 'error';
  errorBox.setAttribute('role', 'alert');
  if (activity.text) {
    const body = document.createElement('div');
    body.innerHTML = markdown(activity.text);
    element.append(body);
  }
  for (const attachment of activity.attachments) {
    if (attachment.contentType === 'application/vnd.microsoft.card.adaptive')
      element.append(renderCard(activity, attachment.content, errorBox));
  }
  element.append(errorBox);
  return element;
}

async function poll(): Promise<void> {
  const response = await fetch(`${base}/activities`);
  if (!response.ok) return;
  const { installed, activities } = (await response.json()) as { installed: boolean; activities: ChatActivity[] };
  if (activities.length === 0) {
    root.textContent = installed ? texts.empty : texts.notInstalled;
    drawn.clear();
    return;
  }
  if (drawn.size === 0) root.textContent = '';
  for (const activity of activities) {
    const version = `${activity.updatedAt ?? activity.timestamp}`;
    const existing = drawn.get(activity.id);
    if (existing?.version === version) continue;
    const element = renderActivity(activity);
    if (existing) existing.element.replaceWith(element);
    else root.append(element);
    drawn.set(activity.id, { version, element });
  }
}

document.getElementById('compose')!.addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('message') as HTMLInputElement;
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  await fetch(`${base}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, locale }),
  });
  await poll();
});

await poll();
setInterval(() => void poll(), 1500);
