import { ConfidentialClientApplication } from '@azure/msal-node';
import type { AuthenticationProvider, Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * App-only Graph tokens for jobs (client credentials). MSAL caches the token
 * and refreshes it before it expires.
 */
export class ClientCredentialsAuthProvider implements AuthenticationProvider {
  private readonly app: ConfidentialClientApplication;

  constructor(tenantId: string, clientId: string, clientSecret: string) {
    this.app = new ConfidentialClientApplication({
      auth: { clientId, clientSecret, authority: `https://login.microsoftonline.com/${tenantId}` },
    });
  }

  async getAccessToken(): Promise<string> {
    const result = await this.app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    if (!result?.accessToken) throw new Error('MSAL returned no Graph token');
    return result.accessToken;
  }
}

/**
 * The local sandbox wants a bearer token like Graph does and trusts any. The
 * graph-client's own AuthenticationHandler only sends tokens to https hosts
 * (rightly), so the sandbox on http://localhost gets this stand-in at the head
 * of the same middleware chain.
 */
export class SandboxAuthenticationHandler implements Middleware {
  private next: Middleware | undefined;

  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', 'Bearer sandbox-app-token');
    context.options = { ...context.options, headers };
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
