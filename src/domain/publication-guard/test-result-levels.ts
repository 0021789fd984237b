import type { Sentence } from './sentences.js';
import { percentPattern, quantityPattern, isFraction } from './danish-numbers.js';

/**
 * § 55 b: national test results may be shared with participants but never
 * published — not for pupils, classes, year groups, schools or municipalities.
 * Directional statements are allowed ("er steget", "steget med tre procent");
 * levels are not ("53 procent når Fremragende", "fra 5 til 9 procent").
 * Figures from other sources (wellbeing surveys, absence, grades) are not
 * test results.
 */

// What makes a sentence (or clause) about the national tests.
const testContext = new RegExp(
  [
    'national(?:e)?\\s+(?:overgangs)?test',
    'overgangstest',
    'obligatoriske\\s+test',
    '\\btest(?:en|ene|s|resultat(?:er|erne|et)?)?\\b',
    'læsetest',
    'matematiktest',
    // The tests' result categories (old and new national tests).
    'fremragende',
    'rigtig\\s+god(?:e)?',
    'mangelfuld(?:e)?',
    'ikke\\s+tilstrækkelig(?:e)?',
    'under\\s+middel',
    'over\\s+middel',
    '(?:laveste|højeste)\\s+(?:10|ti)\\s*(?:%|procent)',
    'landsgennemsnit(?:tet)?',
  ].join('|'),
  'iu',
);

// Other data: figures about these are not test results.
const otherSource =
  /trivsel|trivselsmåling|fravær|sygefravær|karakter|karaktergennemsnit|afgangsprøve|prøvekarakter|kids|segreger|elevtal|søgetal|lærerdækning|kompetencedækning|spørgeskema|tilfredshed|budget|kroner|mio\.|millioner/iu;

// A change: a number right after "med" following a change word is the size of the change.
const changeWord =
  /(steg(?:et)?|stiger|fald(?:et)?|falder|øge(?:t|s)?|forbedre(?:t|s)?|reducere(?:t|s)?|mindske(?:t|s)?|vokse(?:t)?|gået\s+(?:op|ned)|hæve(?:t)?|sænke(?:t)?)/iu;

export interface LevelFinding {
  /** Where the figure stands in the sentence. */
  start: number;
  end: number;
  text: string;
  kind: 'level' | 'range';
}

/** Splits a sentence where a new statement may begin, so a figure is judged with its own subject. */
function clauses(sentence: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  const separator = /;|,\s+(?:og|men|mens|hvor|hvorimod)\s+|\s+mens\s+|\s+hvorimod\s+/giu;
  let last = 0;
  for (const match of sentence.matchAll(separator)) {
    parts.push({ text: sentence.slice(last, match.index), offset: last });
    last = match.index! + match[0].length;
  }
  parts.push({ text: sentence.slice(last), offset: last });
  return parts;
}

/** Is this quantity a level (or a from–to range) rather than the size of a change? */
function judgeQuantity(clause: string, index: number, text: string): LevelFinding['kind'] | null {
  const before = clause.slice(0, index);
  const after = clause.slice(index + text.length);
  // "fra 5 til 9 procent", "fra 5 % til 9 %": both ends are levels.
  if (/\bfra\s*$/iu.test(before) && /^\s*(?:%|procent|pct\.?)?\s*til\s+/iu.test(after)) return 'range';
  if (/\bfra\s+\S+\s*(?:%|procent|pct\.?)?\s*til\s*$/iu.test(before)) return 'range';
  // "steget med tre procent(point)": the size of a change.
  if (/\bmed\s*$/iu.test(before) && changeWord.test(before)) return null;
  if (/^\s*procentpoint/iu.test(after)) return null;
  const percent = percentPattern.test(after);
  if (percent || isFraction(text)) return 'level';
  // A bare number counts when it says how many or how much: "12 elever", "gennemsnit på 48".
  if (/^\s*(?:elev(?:er)?|af\s+eleverne|klasser?|årgange?|point|ud\s+af)\b/iu.test(after)) return 'level';
  if (/(?:gennemsnit|score|niveau|resultat)\w*\s+(?:på|var|er|blev|lå\s+på)\s*$/iu.test(before)) return 'level';
  return null;
}

/** Test-result levels in one sentence; `carriedContext` is true when the previous sentence was about the tests. */
export function findTestResultLevels(sentence: Sentence, carriedContext: boolean): { findings: LevelFinding[]; aboutTests: boolean } {
  const aboutTests = testContext.test(sentence.text);
  const findings: LevelFinding[] = [];
  for (const clause of clauses(sentence.text)) {
    const clauseAboutTests = testContext.test(clause.text);
    const clauseOther = otherSource.test(clause.text);
    const relevant = clauseAboutTests || (!clauseOther && (aboutTests || carriedContext));
    if (!relevant || (clauseOther && !clauseAboutTests)) continue;
    for (const match of clause.text.matchAll(quantityPattern)) {
      const kind = judgeQuantity(clause.text, match.index!, match[0]);
      if (kind)
        findings.push({ start: clause.offset + match.index!, end: clause.offset + match.index! + match[0].length, text: match[0], kind });
    }
  }
  return { findings, aboutTests };
}
