const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attributes. Every user-supplied string goes through this. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => replacements[c]!);

/** Only http(s) links are rendered as links; anything else (javascript:, data:) becomes inert text. */
export const safeHref = (url: string): string | null => (/^https?:\/\//i.test(url) ? escapeHtml(url) : null);
