import type { AuthConfig } from '../../api/auth-config.js';
import type { Host } from '../teams-host.js';
import { classifySignInError } from './sign-in-errors.js';

type M365Config = Extract<AuthConfig, { mode: 'm365' }>;

/** Gets a token for this app's API; throws a SignInError the page can explain. */
export type TokenSource = { getToken(interactive?: boolean): Promise<string> };

/**
 * Signs the person in to this app's API in Microsoft 365 mode:
 *  - in Teams, Outlook or Microsoft 365 where the host offers it: nested app
 *    authentication (MSAL.js through the host; Microsoft's recommended way);
 *  - in a host without it: Teams SSO (authentication.getAuthToken);
 *  - in a plain browser: MSAL redirect sign-in.
 * MSAL is loaded only here, as its own chunk: local mode never downloads it.
 */
export async function entraSignIn(config: M365Config, host: Host): Promise<TokenSource> {
  const scopes = [config.scope];
  if (host.inTeams && !host.naaRecommended) {
    return {
      async getToken() {
        try {
          return await host.teamsSsoToken();
        } catch (error) {
          throw classifySignInError(error);
        }
      },
    };
  }
  const msal = await import('@azure/msal-browser');
  const auth = { clientId: config.clientId, authority: config.authority, redirectUri: `${window.location.origin}/` };
  const client = host.inTeams
    ? await msal.createNestablePublicClientApplication({ auth })
    : await msal.createStandardPublicClientApplication({ auth, cache: { cacheLocation: 'sessionStorage' } });
  if (!host.inTeams) {
    const redirected = await client.handleRedirectPromise().catch((error: unknown) => {
      throw classifySignInError(error);
    });
    if (redirected?.account) client.setActiveAccount(redirected.account);
  }
  return {
    async getToken(interactive = false) {
      const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
      try {
        if (!interactive) return (await client.acquireTokenSilent({ scopes, ...(account ? { account } : {}) })).accessToken;
      } catch (error) {
        if (!(error instanceof msal.InteractionRequiredAuthError) && !account) throw classifySignInError(error);
      }
      try {
        if (host.inTeams) return (await client.acquireTokenPopup({ scopes })).accessToken;
        await client.acquireTokenRedirect({ scopes });
        return await new Promise<string>(() => undefined); // the page leaves for Entra ID's sign-in
      } catch (error) {
        throw classifySignInError(error);
      }
    },
  };
}
