import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Authenticator, Identity } from './identity.js';

/**
 * Microsoft 365 mode: the tab's Teams SSO token (and the add-in's) is an Entra
 * ID access token for this app's API. Signature, issuer (our tenant), audience
 * and lifetime are checked; the person is the token's preferred_username.
 */
export class EntraAuthenticator implements Authenticator {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly tenantId: string,
    private readonly audiences: string[],
    keys?: JWTVerifyGetKey,
  ) {
    this.keys = keys ?? createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`));
  }

  async authenticate(header: string | undefined): Promise<Identity | null> {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: [`https://login.microsoftonline.com/${this.tenantId}/v2.0`, `https://sts.windows.net/${this.tenantId}/`],
        audience: this.audiences,
      });
      const upn = String(payload.preferred_username ?? payload.upn ?? '');
      if (!upn || payload.tid !== this.tenantId) return null;
      return { upn, displayName: String(payload.name ?? upn) };
    } catch {
      return null;
    }
  }
}
