/** A sentence of the note, with where it stands in the text (so the editor can point at it). */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// Abbreviations that end in a full stop without ending the sentence.
const abbreviations =
  /(?:\b(?:f\.eks|fx|bl\.a|ca|pct|nr|jf|evt|mht|ift|inkl|ekskl|osv|dvs|mv|kl|stk|hhv|iflg|ang|vedr|s)\.|\b[A-ZÆØÅ]\.)$/i;

/** Splits Danish prose into sentences, keeping decimals ("7,2"), abbreviations ("f.eks.") and list lines intact. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) sentences.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i + 1);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    const next = text[i + 1];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (c === '.' && abbreviations.test(text.slice(Math.max(start, i - 8), i + 1))) continue;
    // Danish sentences start with a capital, a digit or a quote; "i 6. klasse" goes on.
    const following = /\S/.exec(text.slice(i + 1));
    if (following && /\p{Ll}/u.test(following[0])) continue;
    // An ordinal ("4.") followed by a table cell or a figure is not the end of a sentence.
    if (c === '.' && following && /\d$/.test(text.slice(start, i)) && /[|\d(–-]/.test(following[0])) continue;
    push(i + 1);
  }
  push(text.length);
  return sentences;
}
