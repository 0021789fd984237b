import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * The stand-in's signing key, made when the sandbox starts (tokens do not
 * outlive the process, as a restarted local tenant's sessions do not).
 */
export interface EntraSigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwks: { keys: Record<string, unknown>[] };
}

export function createSigningKey(): EntraSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  const kid = createHash('sha256').update(String(jwk.n)).digest('base64url').slice(0, 16);
  return { kid, privateKey, publicKey, jwks: { keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256', kty: 'RSA' }] } };
}
