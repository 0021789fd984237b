import type { RequestHandler } from 'express';

/** The Microsoft 365 hosts that may embed the tab and the add-in (Teams, Outlook, Microsoft 365). */
const microsoft365Hosts = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
  'https://*.microsoft365.com',
];

/**
 * Headers on every response: no MIME sniffing, no referrer beyond our origin;
 * the app's pages get a Content-Security-Policy without inline script, and
 * may be framed only by Microsoft 365's hosts (and the sandbox, locally). The
 * public note cannot be framed at all. The sandbox's own pages are a local
 * development tool and keep their small inline scripts.
 */
export function securityHeaders(options: { authorityHost: string; graphBaseUrl: string }): RequestHandler {
  const appPolicy = [
    "default-src 'self'",
    // office.js must come from Microsoft's CDN.
    "script-src 'self' https://appsforoffice.microsoft.com",
    // Fluent UI's styles are injected at run time (Griffel).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    // teams-js reads its list of valid host origins from Microsoft's CDN.
    `connect-src 'self' ${new URL(options.authorityHost).origin} ${new URL(options.graphBaseUrl).origin} https://res.cdn.office.net`,
    `frame-ancestors 'self' ${microsoft365Hosts.join(' ')}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  const notePolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (req.path.startsWith('/offentligt')) {
      res.setHeader('Content-Security-Policy', notePolicy);
      res.setHeader('X-Frame-Options', 'DENY');
    } else if (!req.path.startsWith('/sandbox') && !req.path.startsWith('/api')) {
      res.setHeader('Content-Security-Policy', appPolicy);
    }
    next();
  };
}
