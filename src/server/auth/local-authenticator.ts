import { SignJWT, jwtVerify } from 'jose';
import { randomBytes } from 'node:crypto';
import type { Authenticator, Identity } from './identity.js';

/**
 * Local mode only: a person picks a demo user and gets a short-lived token
 * signed with a key that lives only in this process. Never used in
 * Microsoft 365 mode (the composition root wires the Entra ID authenticator there).
 */
export class LocalAuthenticator implements Authenticator {
  private readonly key = randomBytes(32);

  async issue(identity: Identity): Promise<string> {
    return new SignJWT({ name: identity.displayName })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(identity.upn)
      .setIssuer('udviklingssamtale-local')
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.key);
  }

  async authenticate(header: string | undefined): Promise<Identity | null> {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: 'udviklingssamtale-local' });
      return { upn: String(payload.sub), displayName: String(payload.name ?? payload.sub) };
    } catch {
      return null;
    }
  }
}
