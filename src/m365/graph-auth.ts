import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

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
