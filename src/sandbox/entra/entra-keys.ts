import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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

/**
 * With a file, the key is kept there: the local tenant's sign-ins survive a
 * restart (a person stays signed in, as with Entra ID). Without one (tests) it
 * lives only in memory.
 */
export function createSigningKey(file: string | null = null): EntraSigningKey {
  let privateKey: KeyObject;
  if (file && existsSync(file)) privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  else {
    privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    if (file) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
  }
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  const kid = createHash('sha256').update(String(jwk.n)).digest('base64url').slice(0, 16);
  return { kid, privateKey, publicKey, jwks: { keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256', kty: 'RSA' }] } };
}
