import { readFileSync } from 'node:fs';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { ConfidentialClientApplication, ManagedIdentityApplication, type Configuration } from '@azure/msal-node';

/**
 * How the app proves itself to Entra ID. In production a managed identity is a
 * federated credential of the app (no secret anywhere); a certificate is the
 * documented alternative; a client secret is for a developer's test tenant only.
 */
export type AppCredential =
  | { kind: 'managedIdentity'; /** The user-assigned managed identity's client id. */ clientId: string }
  | { kind: 'certificate'; /** A PEM file holding the certificate and its private key. */ path: string }
  | { kind: 'secret'; secret: string };

export interface EntraClientSettings {
  tenantId: string;
  clientId: string;
  /** https://login.microsoftonline.com, or the sandbox's stand-in in tests. */
  authorityHost: string;
  credential: AppCredential;
}

/** The audience a managed identity's token must have to be accepted as a federated credential. */
const tokenExchangeResource = 'api://AzureADTokenExchange';

function certificateFrom(path: string): NonNullable<Configuration['auth']['clientCertificate']> {
  const pem = readFileSync(path, 'utf8');
  const certificate = new X509Certificate(pem);
  return {
    thumbprintSha256: certificate.fingerprint256.replace(/:/g, ''),
    privateKey: createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }).toString(),
    x5c: certificate.toString(),
  };
}

/**
 * The app's MSAL client. Tokens are cached by MSAL and renewed before they
 * expire; the managed identity's own token is fetched through MSAL's managed
 * identity client (App Service's identity endpoint) whenever MSAL needs a new
 * assertion.
 */
export function createConfidentialClient(settings: EntraClientSettings): ConfidentialClientApplication {
  const host = new URL(settings.authorityHost).host;
  const isPublicCloud = host === 'login.microsoftonline.com';
  const { credential } = settings;
  let auth: Configuration['auth'] = {
    clientId: settings.clientId,
    authority: `${settings.authorityHost.replace(/\/$/, '')}/${settings.tenantId}`,
    // Any other authority host (a national cloud, the tests' stand-in) is named, so MSAL trusts it without asking Microsoft.
    ...(isPublicCloud ? {} : { knownAuthorities: [host] }),
  };
  if (credential.kind === 'secret') auth = { ...auth, clientSecret: credential.secret };
  if (credential.kind === 'certificate') auth = { ...auth, clientCertificate: certificateFrom(credential.path) };
  if (credential.kind === 'managedIdentity') {
    const identity = new ManagedIdentityApplication({ managedIdentityIdParams: { userAssignedClientId: credential.clientId } });
    auth = {
      ...auth,
      clientAssertion: async () => (await identity.acquireToken({ resource: tokenExchangeResource })).accessToken,
    };
  }
  return new ConfidentialClientApplication({ auth });
}

/**
 * Azure Database for PostgreSQL with Entra authentication: the managed
 * identity's token is the password. MSAL caches it and fetches a new one
 * before it expires; each new connection asks.
 */
export function postgresEntraToken(managedIdentityClientId: string): () => Promise<string> {
  const identity = new ManagedIdentityApplication({ managedIdentityIdParams: { userAssignedClientId: managedIdentityClientId } });
  return async () => (await identity.acquireToken({ resource: 'https://ossrdbms-aad.database.windows.net' })).accessToken;
}
