import express, { Router, type Request, type Response } from 'express';
import { createPublicKey, randomUUID, X509Certificate } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { createSigningKey } from './entra-keys.js';
import type { SandboxUser } from '../sandbox-state.js';

/** An app registration the stand-in knows, with the ways it may prove itself. */
export interface EntraAppRegistration {
  clientId: string;
  /** Development only; production uses a federated credential or a certificate. */
  clientSecret?: string;
  /** Subjects (managed identities' object ids) whose tokens this app accepts as client assertions. */
  federatedSubjects?: string[];
  /** PEM certificates whose private keys may sign client assertions. */
  certificates?: string[];
  /** The app's Application ID URIs (tokens for the app's API carry one of them, or the client id). */
  identifierUris: string[];
  /** Application permissions granted (roles in app-only Graph tokens). */
  graphRoles: string[];
  /** Delegated permissions granted (scp in On-Behalf-Of Graph tokens). */
  graphScopes: string[];
  /** false: nobody has consented to the delegated permissions yet (On-Behalf-Of is refused with AADSTS65001). */
  delegatedConsent?: boolean;
}

export interface EntraStandInOptions {
  tenantId: string;
  /** Where the stand-in is served, e.g. https://localhost:4443/sandbox/entra. */
  baseUrl: () => string;
  apps: EntraAppRegistration[];
  users: () => readonly SandboxUser[];
  /** App Service's managed identity endpoint: the identity's object id and the header App Service sets. */
  managedIdentity?: { principalId: string; clientId: string; header: string };
  /** Where the signing key is kept between restarts (null: in memory only). */
  keyFile?: string | null;
}

export interface EntraStandIn {
  router: Router;
  issuer: () => string;
  jwks: { keys: Record<string, unknown>[] };
  /** A person's access token for an app's API, as Teams SSO or nested app authentication would hand the tab. */
  userToken(upn: string, audience: string, options?: { expiresInSeconds?: number; tenantId?: string }): Promise<string>;
  /** Verifies a token the stand-in issued (the sandbox's Graph uses it). */
  verify(token: string, audience: string | string[]): Promise<JWTPayload | null>;
  /** Every token the stand-in handed out, by grant: what the tests assert on. */
  issued: { grant: string; clientId: string; audience: string; subject: string }[];
}

export const graphAudience = 'https://graph.microsoft.com';
const tokenExchangeAudience = 'api://AzureADTokenExchange';
const assertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Entra tolerates some clock skew; MSAL rounds its assertion's times to the second. */
const skew = 300;

const tokenRequestSchema = z.object({
  grant_type: z.string(),
  client_id: z.string(),
  client_secret: z.string().optional(),
  client_assertion: z.string().optional(),
  client_assertion_type: z.string().optional(),
  scope: z.string().default(''),
  assertion: z.string().optional(),
  requested_token_use: z.string().optional(),
});

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * A local stand-in for Entra ID: OpenID configuration, signing keys, the token
 * endpoint (client credentials by secret, certificate or federated managed
 * identity; On-Behalf-Of) and App Service's managed identity endpoint. It lets
 * the tests run msal-node and the server's token validation — Microsoft 365
 * mode's own code — without a tenant. It implements the protocol, not Entra's
 * policies (no conditional access, no consent prompts).
 */
export function createEntraStandIn(options: EntraStandInOptions): EntraStandIn {
  const key = createSigningKey(options.keyFile ?? null);
  const issued: EntraStandIn['issued'] = [];
  const tenantBase = () => `${options.baseUrl()}/${options.tenantId}`;
  const issuer = () => `${tenantBase()}/v2.0`;

  const sign = (claims: JWTPayload, audience: string, seconds = 3600) =>
    new SignJWT({ ...claims, ver: '2.0', tid: claims.tid ?? options.tenantId })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(issuer())
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
      .setJti(randomUUID())
      .sign(key.privateKey);

  const verify = async (token: string, audience: string | string[]): Promise<JWTPayload | null> => {
    try {
      return (await jwtVerify(token, key.publicKey, { issuer: issuer(), audience, clockTolerance: skew })).payload;
    } catch {
      return null;
    }
  };

  const appOf = (clientId: string) => {
    const app = options.apps.find((a) => a.clientId === clientId);
    if (!app) throw new OAuthError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${clientId}' was not found.`);
    return app;
  };

  /** The client proves itself: a secret, a certificate-signed assertion, or a managed identity's token (federated credential). */
  async function authenticateClient(request: z.infer<typeof tokenRequestSchema>, tokenEndpoint: string): Promise<EntraAppRegistration> {
    const app = appOf(request.client_id);
    if (request.client_secret !== undefined) {
      if (app.clientSecret && request.client_secret === app.clientSecret) return app;
      throw new OAuthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    }
    if (!request.client_assertion || request.client_assertion_type !== assertionType) {
      throw new OAuthError(401, 'invalid_client', 'AADSTS7000218: The request body must contain client_assertion or client_secret.');
    }
    const header = decodeProtectedHeader(request.client_assertion);
    const federated = await verify(request.client_assertion, tokenExchangeAudience);
    if (federated) {
      if (app.federatedSubjects?.includes(String(federated.sub))) return app;
      throw new OAuthError(401, 'invalid_client', 'AADSTS70021: No matching federated identity record found for presented assertion.');
    }
    for (const pem of app.certificates ?? []) {
      const certificate = new X509Certificate(pem);
      const thumbprint = Buffer.from(certificate.fingerprint256.replace(/:/g, ''), 'hex').toString('base64url');
      const sha1 = Buffer.from(certificate.fingerprint.replace(/:/g, ''), 'hex').toString('base64url');
      if (header['x5t#S256'] !== thumbprint && header.x5t !== sha1) continue;
      try {
        await jwtVerify(request.client_assertion, createPublicKey(certificate.publicKey.export({ type: 'spki', format: 'pem' })), {
          issuer: app.clientId,
          subject: app.clientId,
          audience: [tokenEndpoint, issuer(), tenantBase()],
          clockTolerance: skew,
        });
        return app;
      } catch {
        break;
      }
    }
    throw new OAuthError(
      401,
      'invalid_client',
      'AADSTS700027: The certificate with identifier used to sign the client assertion is not registered.',
    );
  }

  const token = async (res: Response, grant: string, app: EntraAppRegistration, claims: JWTPayload, audience: string) => {
    issued.push({ grant, clientId: app.clientId, audience, subject: String(claims.oid ?? claims.sub ?? '') });
    res.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: await sign(claims, audience) });
  };

  const router = Router();
  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    if (req.params.tenant !== options.tenantId) return res.status(400).json({ error: 'invalid_tenant' });
    res.json({
      issuer: issuer(),
      authorization_endpoint: `${tenantBase()}/oauth2/v2.0/authorize`,
      token_endpoint: `${tenantBase()}/oauth2/v2.0/token`,
      jwks_uri: `${tenantBase()}/discovery/v2.0/keys`,
      end_session_endpoint: `${tenantBase()}/oauth2/v2.0/logout`,
      response_types_supported: ['code', 'id_token', 'token id_token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      tenant_region_scope: 'EU',
    });
  });
  router.get('/:tenant/discovery/v2.0/keys', (_req, res) => res.json(key.jwks));
  router.get('/common/discovery/instance', (req, res) => {
    // MSAL's instance discovery: the stand-in vouches for itself.
    const host = new URL(options.baseUrl()).host;
    res.json({
      tenant_discovery_endpoint: String(req.query.authorization_endpoint ?? '').replace(
        /oauth2\/v2\.0\/authorize$/,
        'v2.0/.well-known/openid-configuration',
      ),
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });

  router.post('/:tenant/oauth2/v2.0/token', express.urlencoded({ extended: false }), async (req: Request, res: Response) => {
    try {
      if (req.params.tenant !== options.tenantId)
        throw new OAuthError(400, 'invalid_request', `AADSTS90002: Tenant '${req.params.tenant}' not found.`);
      const request = tokenRequestSchema.parse(req.body);
      const app = await authenticateClient(request, `${tenantBase()}/oauth2/v2.0/token`);
      const scopes = request.scope.split(' ').filter(Boolean);
      const resource = scopes.find((s) => s.endsWith('/.default'))?.replace(/\/\.default$/, '') ?? graphAudience;

      if (request.grant_type === 'client_credentials') {
        if (resource !== graphAudience)
          throw new OAuthError(400, 'invalid_scope', `AADSTS500011: The resource '${resource}' was not found.`);
        return await token(
          res,
          'client_credentials',
          app,
          {
            oid: `sp-${app.clientId}`,
            sub: `sp-${app.clientId}`,
            idtyp: 'app',
            appid: app.clientId,
            azp: app.clientId,
            roles: app.graphRoles,
          },
          graphAudience,
        );
      }
      if (request.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && request.requested_token_use === 'on_behalf_of') {
        // The incoming assertion must be a person's token for this very app's API.
        const user = request.assertion ? await verify(request.assertion, [...app.identifierUris, app.clientId]) : null;
        const person = user ? options.users().find((u) => u.id === user.oid) : undefined;
        if (!user || !person)
          throw new OAuthError(400, 'invalid_grant', 'AADSTS50013: Assertion failed signature validation or is not for this application.');
        if (app.delegatedConsent === false) {
          throw new OAuthError(
            400,
            'invalid_grant',
            `AADSTS65001: The user or administrator has not consented to use the application with ID '${app.clientId}'.`,
          );
        }
        return await token(
          res,
          'on_behalf_of',
          app,
          {
            oid: person.id,
            sub: person.id,
            upn: person.userPrincipalName,
            name: person.displayName,
            idtyp: 'user',
            scp: app.graphScopes.join(' '),
            appid: app.clientId,
            azp: app.clientId,
          },
          graphAudience,
        );
      }
      throw new OAuthError(400, 'unsupported_grant_type', `AADSTS70003: The grant type '${request.grant_type}' is not supported here.`);
    } catch (error) {
      const e = error instanceof OAuthError ? error : new OAuthError(400, 'invalid_request', String((error as Error).message));
      res.status(e.status).json({
        error: e.error,
        error_description: e.description,
        error_codes: [Number(/AADSTS(\d+)/.exec(e.description)?.[1] ?? 0)],
        timestamp: new Date().toISOString(),
        trace_id: randomUUID(),
        correlation_id: randomUUID(),
      });
    }
  });

  // App Service's managed identity endpoint (protocol 2019-08-01): the identity's token for a resource.
  router.get('/msi/token', async (req, res) => {
    const identity = options.managedIdentity;
    if (!identity || req.header('x-identity-header') !== identity.header) return res.status(401).json({ error: 'unauthorized' });
    const resource = String(req.query.resource ?? '');
    if (!resource) return res.status(400).json({ error: 'invalid_request', error_description: 'resource is required' });
    issued.push({ grant: 'managed_identity', clientId: identity.clientId, audience: resource, subject: identity.principalId });
    const accessToken = await sign(
      { oid: identity.principalId, sub: identity.principalId, appid: identity.clientId, idtyp: 'app' },
      resource,
    );
    res.json({
      access_token: accessToken,
      expires_on: String(Math.floor(Date.now() / 1000) + 3600),
      resource,
      token_type: 'Bearer',
      client_id: identity.clientId,
    });
  });

  const userToken: EntraStandIn['userToken'] = async (upn, audience, tokenOptions = {}) => {
    const person = options.users().find((u) => u.userPrincipalName.toLowerCase() === upn.toLowerCase());
    if (!person) throw new Error(`No such person in the sandbox tenant: ${upn}`);
    return sign(
      {
        oid: person.id,
        sub: person.id,
        tid: tokenOptions.tenantId ?? options.tenantId,
        name: person.displayName,
        preferred_username: person.userPrincipalName,
        scp: 'access_as_user',
        // Teams' web client, as for a Teams SSO token.
        azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
        idtyp: 'user',
      },
      audience,
      tokenOptions.expiresInSeconds ?? 3600,
    );
  };

  return { router, issuer, jwks: key.jwks, userToken, verify, issued };
}
