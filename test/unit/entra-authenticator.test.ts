import { describe, expect, it } from 'vitest';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { EntraAuthenticator } from '../../src/server/auth/entra-authenticator.js';

const tenant = '8f6c1b52-0d3e-4a7b-9c21-5e4d3c2b1a00';
const audience = 'api://udviklingssamtale.example.dk/1d2c3b4a-5e6f-4071-8293-a4b5c6d7e8f9';
const oid = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

async function setup() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
  const authenticator = new EntraAuthenticator({
    tenantId: tenant,
    audiences: [audience],
    issuers: [`https://login.microsoftonline.com/${tenant}/v2.0`],
    keys: createLocalJWKSet({ keys: [jwk] }),
  });
  const token = (claims: Record<string, unknown>, options: { issuer?: string; audience?: string; expires?: string } = {}) =>
    new SignJWT({ tid: tenant, oid, scp: 'access_as_user', preferred_username: 'mette.lund@sohavn.example', name: 'Mette Lund', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${tenant}/v2.0`)
      .setAudience(options.audience ?? audience)
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '1h')
      .sign(privateKey);
  return { authenticator, token };
}

describe('Entra ID tokens in Microsoft 365 mode', () => {
  it('accepts a person’s token from our tenant for our API, naming them by oid and tid (never preferred_username)', async () => {
    const { authenticator, token } = await setup();
    const signed = await token({});
    expect(await authenticator.authenticate(`Bearer ${signed}`)).toEqual({ oid, tid: tenant, token: signed });
  });

  it('refuses an app’s token, a token without oid, and one whose tid is not ours', async () => {
    const { authenticator, token } = await setup();
    expect(await authenticator.authenticate(`Bearer ${await token({ scp: undefined, roles: ['x'], idtyp: 'app' })}`)).toBeNull();
    expect(await authenticator.authenticate(`Bearer ${await token({ oid: undefined })}`)).toBeNull();
    expect(await authenticator.authenticate(`Bearer ${await token({ tid: 'another-tenant' })}`)).toBeNull();
  });

  it('refuses a token for another API, from another tenant, or expired', async () => {
    const { authenticator, token } = await setup();
    expect(await authenticator.authenticate(`Bearer ${await token({}, { audience: 'api://other' })}`)).toBeNull();
    expect(
      await authenticator.authenticate(
        `Bearer ${await token({ tid: 'other-tenant' }, { issuer: 'https://login.microsoftonline.com/other-tenant/v2.0' })}`,
      ),
    ).toBeNull();
    expect(await authenticator.authenticate(`Bearer ${await token({}, { expires: '-1m' })}`)).toBeNull();
  });

  it('refuses a token signed with another key, and no token at all', async () => {
    const { authenticator } = await setup();
    const { token: foreign } = await setup();
    expect(await authenticator.authenticate(`Bearer ${await foreign({})}`)).toBeNull();
    expect(await authenticator.authenticate(undefined)).toBeNull();
  });
});
