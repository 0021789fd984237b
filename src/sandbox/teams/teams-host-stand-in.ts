/**
 * A development stand-in for Teams as the host of the app's meeting pages,
 * for the sandbox's meeting view: it answers teams-js's messages from the
 * side panel, the stage and the configuration page as the Teams client does
 * (initialize, getContext with the meeting's chat, the person's SSO token,
 * share to stage, the configuration page's save). The tab's code cannot tell
 * it from Teams; it holds no product logic.
 */
interface HostConfig {
  chatId: string;
  meetingId: string;
  tenantId: string;
  user: { id: string; upn: string; displayName: string };
  token: string;
  locale: string;
  base: string;
}

const host = JSON.parse(document.getElementById('teams-host')!.textContent!) as HostConfig;

// What this Teams supports, as the runtime configuration the real client sends at initialize.
const runtime = {
  apiVersion: 4,
  isLegacyTeams: false,
  isNAAChannelRecommended: false,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: {
    app: {},
    appEntity: {},
    dialog: {},
    meeting: { appShareButton: {}, stage: {} },
    pages: { appButton: {}, config: {}, tabs: {}, backStack: {} },
    teamsCore: {},
  },
};

interface Request {
  id: number;
  uuid?: unknown;
  func: string;
  args?: unknown[];
}

const frameOf = (source: MessageEventSource | null) =>
  [...document.querySelectorAll<HTMLIFrameElement>('iframe[data-frame-context]')].find((f) => f.contentWindow === source) ?? null;

function reply(event: MessageEvent, request: Request, args: unknown[]) {
  (event.source as Window).postMessage({ id: request.id, uuid: request.uuid, args }, event.origin);
}

async function post(path: string, body: unknown): Promise<boolean> {
  const response = await fetch(`${host.base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.ok;
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== location.origin) return;
  const request = event.data as Request;
  const frame = frameOf(event.source);
  if (!frame || typeof request?.func !== 'string') return;
  const frameContext = frame.dataset.frameContext!;
  switch (request.func) {
    case 'initialize':
      return reply(event, request, [frameContext, 'web', JSON.stringify(runtime), '2.58.0']);
    case 'getContext':
      return reply(event, request, [
        {
          locale: host.locale,
          theme: 'default',
          frameContext,
          entityId: frame.dataset.entityId ?? '',
          subEntityId: '',
          chatId: host.chatId,
          meetingId: host.meetingId,
          tid: host.tenantId,
          userObjectId: host.user.id,
          userPrincipalName: host.user.upn,
          loginHint: host.user.upn,
          hostClientType: 'web',
          appSessionId: crypto.randomUUID(),
          isFullScreen: false,
        },
      ]);
    case 'authentication.getAuthToken':
      return reply(event, request, [true, host.token]);
    case 'meeting.getAppContentStageSharingCapabilities':
      return reply(event, request, [null, { doesAppHaveSharePermission: true }]);
    case 'meeting.shareAppContentToStage': {
      const url = String(request.args?.[0] ?? '');
      // Teams shows it on everyone's stage: the sandbox keeps it with the meeting, and each view shows it.
      void post('/stage', { url }).then((ok) => reply(event, request, ok ? [null, true] : [{ errorCode: 500 }, null]));
      return;
    }
    case 'settings.setValidityState':
      document.dispatchEvent(new CustomEvent('sandbox-config-valid', { detail: Boolean(request.args?.[0]) }));
      return;
    case 'settings.setSettings': {
      const settings = request.args?.[0] as { entityId?: string; contentUrl?: string; websiteUrl?: string; suggestedDisplayName?: string };
      void post('/tabs', settings).then((ok) => reply(event, request, [ok, ok ? '' : 'Fanen kunne ikke gemmes.']));
      return;
    }
    case 'settings.save.success':
      location.reload();
      return;
    default:
      // Handlers the page registers (theme, context, load) and notifications need no answer.
      return;
  }
});

// Teams' own "Save" on the configuration page: ask the page to save (its registered handler).
document.getElementById('config-save')?.addEventListener('click', () => {
  const frame = document.querySelector<HTMLIFrameElement>('iframe[data-frame-context="settings"]');
  frame?.contentWindow?.postMessage({ func: 'settings.save', args: [{}] }, location.origin);
});
document.addEventListener('sandbox-config-valid', (event) => {
  const save = document.getElementById('config-save') as HTMLButtonElement | null;
  if (save) save.disabled = !(event as CustomEvent<boolean>).detail;
});

// The stage follows the meeting: whatever someone shared shows here within a second.
const stage = document.querySelector<HTMLIFrameElement>('iframe[data-frame-context="meetingStage"]');
let shown = stage?.getAttribute('src') ?? '';
setInterval(async () => {
  const state = (await (await fetch(`${host.base}/state`)).json()) as { stageUrl: string | null };
  if (stage && state.stageUrl && state.stageUrl !== shown) {
    shown = state.stageUrl;
    stage.src = state.stageUrl;
    stage.hidden = false;
    document.getElementById('stage-empty')?.setAttribute('hidden', '');
  }
}, 500);
