import { escapeHtml } from '../../documents/html-escape.js';
import { sandboxTexts } from '../sandbox-texts.js';

const t = sandboxTexts.pages;

/** A plain, accessible page frame for the sandbox's developer pages. */
export function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(t.title)}</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;color:#242424;background:#f5f5f5}
header{background:#464775;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:center}
header a{color:#fff}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
a{color:#4f52b2}
a:focus-visible,button:focus-visible{outline:3px solid #000;outline-offset:2px}
.card{background:#fff;border-radius:8px;padding:16px;margin:12px 0;box-shadow:0 1px 2px rgba(0,0,0,.15)}
.meta{color:#616161;font-size:14px}
.badge{display:inline-block;padding:2px 8px;border-radius:12px;background:#e8ebfa;font-size:13px}
button{font:inherit;padding:6px 14px;border-radius:4px;border:1px solid #8a8886;background:#fff;cursor:pointer}
button.primary{background:#5b5fc7;color:#fff;border-color:#5b5fc7}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:8px;border-bottom:1px solid #e0e0e0}
iframe{width:100%;min-height:360px;border:1px solid #e0e0e0;border-radius:4px;background:#fff}
</style></head>
<body><header><strong>${escapeHtml(t.title)}</strong><nav aria-label="Sandkasse"><a href="/sandbox">${escapeHtml(t.people)}</a> · <a href="/sandbox/sharepoint">${escapeHtml(t.library)}</a> · <a href="/">${escapeHtml(t.openApp)}</a></nav></header>
<main id="main"><h1>${escapeHtml(title)}</h1>${content}</main></body></html>`;
}

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'medium', timeStyle: 'short' });
export const formatInstant = (iso: string) => dateTime.format(new Date(iso));
