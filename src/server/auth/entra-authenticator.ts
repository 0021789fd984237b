import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Authenticator, TokenIdentity } from './identity.js';

export interface EntraAuthenticatorOptions {
  tenantId: string;
  /** The app's Application ID URI and client id: tokens for any other API are refused. */
  audiences: string[];
  /** v2 and v1 issuers of the tenant (or the sandbox's stand-in). */
  issuers: string[];
  /** The signing keys: Entra's JWKS, or the stand-in's. */
  keys: JWTVerifyGetKey;
}

/** Entra ID's issuers and keys for a tenant in the public cloud. */
export const entraTenant = (tenantId: string, authorityHost = 'https://login.microsoftonline.com') => ({
  issuers: [`${authorityHost}/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`],
  keys: createRemoteJWKSet(new URL(`${authorityHost}/${tenantId}/discovery/v2.0/keys`)),
});

/**
 * The tab's token (Teams SSO, nested app authentication or MSAL redirect) is
 * an Entra ID access token for this app's API. Signature, issuer, audience,
 * lifetime and tenant are checked, and the token must be a person's
 * (delegated `access_as_user`), not an app's. The person is the token's oid in
 * its tid; the name comes from the directory afterwards.
 */
export class EntraAuthenticator implements Authenticator {
  constructor(private readonly options: EntraAuthenticatorOptions) {}

  async authenticate(header: string | undefined): Promise<TokenIdentity | null> {
    // The scheme is case-insensitive (RFC 7235): "bearer" is as good as "Bearer".
    const token = /^bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.options.keys, {
        issuer: this.options.issuers,
        audience: this.options.audiences,
        clockTolerance: 60,
      });
      const scopes = String(payload.scp ?? '').split(' ');
      if (typeof payload.oid !== 'string' || payload.tid !== this.options.tenantId || !scopes.includes('access_as_user')) return null;
      return { oid: payload.oid, tid: payload.tid, token };
    } catch {
      return null;
    }
  }
}
