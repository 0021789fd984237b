import type { ConfidentialClientApplication } from '@azure/msal-node';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { AppError } from '../../domain/errors.js';
import { RemoteError } from '../../app/ports/remote-error.js';

/** Graph's resource, whatever address the requests go to (Graph itself, or the sandbox in tests). */
const graphScope = 'https://graph.microsoft.com/.default';

/** App-only Graph tokens (client credentials) for jobs and the bot: the app's granted application permissions. */
export function appOnlyGraphTokens(client: ConfidentialClientApplication): AuthenticationProvider {
  return {
    async getAccessToken() {
      const result = await client.acquireTokenByClientCredential({ scopes: [graphScope] });
      if (!result?.accessToken) throw new Error('MSAL returned no app-only Graph token');
      return result.accessToken;
    },
  };
}

/**
 * A person's own Graph token, obtained On-Behalf-Of the token the tab sent:
 * Graph then answers with what that person may see (their delegated
 * permissions), not with what the app may see.
 */
export function onBehalfOfGraphTokens(client: ConfidentialClientApplication, userAssertion: string): AuthenticationProvider {
  return {
    async getAccessToken() {
      let result;
      try {
        result = await client.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes: [graphScope] });
      } catch (error) {
        // No consent for the delegated permissions: a state the person can act on (ask the administrator), not an outage.
        if (/AADSTS65001|consent_required/i.test(String((error as Error)?.message ?? error))) throw new AppError('CONSENT_REQUIRED');
        throw new RemoteError(503, 'TokenUnavailable', String((error as Error)?.message ?? error));
      }
      if (!result?.accessToken) throw new RemoteError(503, 'TokenUnavailable', 'MSAL returned no On-Behalf-Of Graph token');
      return result.accessToken;
    },
  };
}
