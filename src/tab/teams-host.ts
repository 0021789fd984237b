import { app, authentication, meeting, nestedAppAuth, pages } from '@microsoft/teams-js';

export type HostTheme = 'default' | 'dark' | 'contrast';

export interface Host {
  inTeams: boolean;
  locale: string | undefined;
  theme: HostTheme;
  onThemeChange(handler: (theme: HostTheme) => void): void;
  /** Teams SSO token for our API (hosts without nested app authentication). */
  teamsSsoToken(): Promise<string>;
  /** The host offers nested app authentication (MSAL.js through the host). */
  naaRecommended: boolean;
  /** In a meeting (side panel, meeting tab): the meeting chat's thread id, to open that meeting's conversation. */
  meetingChatId: string | null;
  /** A deep link's sub-page (the bot's links carry a conversation id). */
  subPageId: string | null;
  /** Where Teams shows the page: 'sidePanel', 'meetingStage', 'content', 'settings' (the configuration page)… */
  frameContext: string | null;
  /** Teams' "share to stage" (side panel in a meeting), or null where the host has no stage. */
  shareToStage: ((url: string) => Promise<void>) | null;
  /** The configuration page (adding the tab to a meeting by hand): say when a choice is valid, and what to save. */
  configuration: TabConfiguration | null;
}

export interface TabConfiguration {
  setValid(valid: boolean): void;
  onSave(config: () => { entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string }): void;
}

const toTheme = (value: string | undefined): HostTheme => (value === 'dark' ? 'dark' : value === 'contrast' ? 'contrast' : 'default');

/**
 * Initialises teams-js when the page is hosted by Teams (or Outlook); in a plain
 * browser the initialisation does not answer, and the tab runs standalone.
 */
export async function detectHost(): Promise<Host> {
  const inIframe = window.parent !== window;
  if (inIframe) {
    try {
      await Promise.race([app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
      const context = await app.getContext();
      app.notifySuccess();
      return {
        inTeams: true,
        locale: context.app.locale,
        theme: toTheme(context.app.theme),
        onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(toTheme(theme))),
        teamsSsoToken: () => authentication.getAuthToken(),
        naaRecommended: nestedAppAuth.isNAAChannelRecommended(),
        meetingChatId: context.meeting?.id && context.chat?.id ? context.chat.id : null,
        subPageId: context.page.subPageId ?? null,
        frameContext: context.page.frameContext ?? null,
        shareToStage:
          context.page.frameContext === 'sidePanel'
            ? (url) =>
                new Promise<void>((resolve, reject) =>
                  meeting.shareAppContentToStage(
                    (error) => (error ? reject(new Error(error.message ?? String(error.errorCode))) : resolve()),
                    url,
                  ),
                )
            : null,
        configuration:
          context.page.frameContext === 'settings'
            ? {
                setValid: (valid) => pages.config.setValidityState(valid),
                onSave: (config) =>
                  pages.config.registerOnSaveHandler((saveEvent) => {
                    pages.config.setConfig(config()).then(
                      () => saveEvent.notifySuccess(),
                      (error: unknown) => saveEvent.notifyFailure(String(error)),
                    );
                  }),
              }
            : null,
      };
    } catch {
      // Not a Microsoft 365 host: fall through to standalone.
    }
  }
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
  const contrast = window.matchMedia?.('(forced-colors: active)');
  return {
    inTeams: false,
    locale: navigator.language,
    theme: contrast?.matches ? 'contrast' : dark?.matches ? 'dark' : 'default',
    onThemeChange: (handler) => {
      dark?.addEventListener('change', (e) => handler(e.matches ? 'dark' : 'default'));
      contrast?.addEventListener('change', (e) => handler(e.matches ? 'contrast' : dark?.matches ? 'dark' : 'default'));
    },
    teamsSsoToken: () => Promise.reject(new Error('Not in Teams')),
    naaRecommended: false,
    meetingChatId: null,
    subPageId: null,
    frameContext: null,
    shareToStage: null,
    configuration: null,
  };
}
