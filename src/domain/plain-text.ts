/**
 * Every text a person gives the app is plain text: it is stored as typed and
 * escaped wherever it is shown. Two things are refused rather than stored:
 *
 * - control characters (NUL, bell, escape …): invisible, they break PostgreSQL
 *   text (NUL) and Word documents; tab, line feed and carriage return are text;
 * - anything an HTML parser would read as the start of markup. The HTML
 *   tokenizer opens a tag only when "<" is followed at once by a letter, "/",
 *   "!" or "?", so that — not a guess at what a whole tag looks like — is the
 *   rule: "<img src=x onerror=…" without its ">" is refused, "2 < 3" is not.
 *   A "javascript:" link is refused too (the website address is a link).
 */
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const opensMarkup = /<[a-z!?/]|javascript:/i;

export type PlainTextProblem = 'controlCharacters' | 'markup';

export function plainTextProblem(text: string, rule: 'plainText' | 'controlCharactersOnly' = 'plainText'): PlainTextProblem | null {
  if (controlCharacters.test(text)) return 'controlCharacters';
  if (rule === 'plainText' && opensMarkup.test(text)) return 'markup';
  return null;
}
