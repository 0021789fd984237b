import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Microsoft 365 mode talks to Entra ID and Graph over https only (MSAL
 * refuses an http authority). For the integration suite the sandbox's
 * stand-ins are served over https with a certificate made here, and the test
 * workers trust it through NODE_EXTRA_CA_CERTS (read when a worker process
 * starts, so it is set before vitest forks them).
 */
export default function setup(): void {
  const dir = mkdtempSync(join(tmpdir(), 'udviklingssamtale-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const existing =
    process.env.NODE_EXTRA_CA_CERTS && existsSync(process.env.NODE_EXTRA_CA_CERTS)
      ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8')
      : '';
  const bundle = join(dir, 'trusted.pem');
  writeFileSync(bundle, `${existing}\n${readFileSync(cert, 'utf8')}`);
  process.env.NODE_EXTRA_CA_CERTS = bundle;
  process.env.TEST_TLS_KEY = key;
  process.env.TEST_TLS_CERT = cert;
}
