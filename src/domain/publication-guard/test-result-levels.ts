import type { Sentence } from './sentences.js';
import { percentPattern, quantityPattern, isFraction } from './danish-numbers.js';

/**
 * § 55 b: national test results may be shared with participants but never
 * published — not for pupils, classes, year groups, schools or
 * municipalities, not even anonymised. Directions and the size of a change are
 * allowed ("er steget", "steget med tre procent"); levels are not ("53 procent
 * når Fremragende", "fra 5 til 9 procent", "0,62", "17 af 24 elever",
 * "4 procentpoint over landsgennemsnittet", "på niveau med
 * landsgennemsnittet"). Figures from other sources (wellbeing, absence,
 * grades) are not test results.
 */

// The tests' result categories, old and new ("gode læsere" is the reading test's own).
const category =
  'fremragende|rigtig\\s+god(?:e|t)?|god(?:e|t)?\\s+(?:præstation|læsere|resultat(?:er)?)|gode\\s+læsere|jævn(?:e|t)?|mangelfuld(?:e|t)?|ikke\\s+tilstrækkelig(?:e|t)?|(?:over|under)\\s+middel|middel|svage\\s+læsere|usikre\\s+læsere|(?:laveste|højeste|øverste|nederste)\\s+(?:\\S+\\s+)?(?:kategori(?:er)?|niveau(?:er)?|10\\s*%|ti\\s+procent)';
const categoryPattern = new RegExp(`(?<![\\p{L}])(?:${category})(?![\\p{L}])`, 'iu');

// What makes a sentence (or clause) about the national tests. Typos in "national" are common.
const testContext = new RegExp(
  [
    'nati?on?a?l\\w*\\s+(?:overgangs)?test',
    'overgangstest\\w*',
    'obligatoriske\\s+test',
    // English, as some write it: "the national tests", "test results".
    'national\\s+tests?|test\\s+results?|reading\\s+test|math(?:s|ematics)?\\s+test',
    // test, testen, testresultaterne, testskalaen, læsetesten, matematiktest …
    '(?<![\\p{L}])\\p{L}*test(?:en|ene|s|\\p{L}*)?(?![\\p{L}])',
  ].join('|'),
  'iu',
);
// Words the tests use that other data uses too: about the tests unless the clause names another source.
const weakTestContext =
  /landsgennemsnit\w*|landsgns\.?|national\s+average|kategorien\s+(?:fremragende|god|jævn|mangelfuld|ikke)|fremragende|mangelfuld\w*|ikke\s+tilstrækkelig\w*|(?:over|under)\s+middel|gode\s+læsere/iu;

// Other data: figures about these are not test results.
const otherSource =
  /trivsel\w*|fravær\w*|karakter\w*|afgangsprøve\w*|prøvekarakter\w*|segreger\w*|elevtal\w*|søgetal|lærerdækning|kompetencedækning|spørgeskema\w*|tilfredshed|budget\w*|kroner|kr\.|mio\.|millioner|svarprocent\w*|deltagelse\w*|ungdomsuddannelse\w*|klassekvotient\w*|forældre\w*|personale\w*|sygefravær\w*/iu;

// A change: a number right after "med" following a change word is the size of the change.
const changeWord =
  /(?:steg(?:et)?|stiger|fald(?:et)?|falder|faldt|øge(?:t|s)?|forbedre(?:t|s)?|reducere(?:t|s)?|mindske(?:t|s)?|vokse(?:t)?|gået\s+(?:op|ned)|hæve(?:t|s)?|sænke(?:t|s)?|fremgang|tilbagegang|stigning\w*|halver\w*|fordobl\w*|udvikling\w*)/iu;
// A comparison over time, not a position: "flere elever end sidste år", "sammenlignet med sidste skoleår".
const overTime =
  /(?:flere|færre)\s+(?:\S+\s+)?(?:elever|klasser|resultater|læsere|mangelfulde|fremragende)|end\s+(?:i\s+)?(?:\d{4}|sidste|tidligere|forrige)|sammenlignet\s+med\s+(?:sidste|tidligere|forrige)|end\s+(?:sidste|tidligere|forrige)\s+(?:år|skoleår)|siden\s+(?:sidste|\d{4})/iu;

// A position against an average (any benchmark average: the country's, the municipality's, "gennemsnittet for kommunens
// skoler"): a level even without a figure. "i gennemsnit" (on average) is an adverb, not a benchmark.
const benchmarkAverage =
  /(?<![\p{L}])(?:(?:lands|landets|kommunens|kommune|kommunale|nationale|skolernes)\s*-?\s*(?:gennemsnit\w*|gns\.?|snit)|gennemsnit(?:tet|tets)|landsgennemsnit\w*|kommunegennemsnit\w*|landsgns\.?|kommunegns\.?|national\s+average|municipal\s+average|(?:det\s+)?(?:kommunale|nationale|landsdækkende)\s+niveau|landsniveau\w*|kommuneniveau\w*)(?![\p{L}])/iu;
const positionWord =
  /(?<![\p{L}])(?:over|under|på|svarer\s+til|svarende\s+til|tæt\s+på|omkring|lige|niveau|linje|højde|højere|lavere|bedre|dårligere|ringere|above|below|at\s+the|on\s+par|in\s+line)(?![\p{L}])/iu;
// A scale average or score: "gennemsnit på 48", "testscore på 61,4", "scorer 57".
const scoreBefore =
  /(?:(?:scorer|scorede|scores|opnår|opnåede|fik)\s+(?:\S+\s+){0,2}?(?:i\s+gennemsnit\s+|i\s+gns\.?\s+)?$)|(?:gennemsnit\w*|gns\.?|snit\w*|score\w*|testscore\w*|niveau\w*|resultat\w*|placering\w*|benchmark\w*)\s+(?:\S+\s+){0,8}?(?:på|var|er|blev|lå\s+på|endte\s+på|ligger\s+på|af|\S*:)\s*$/iu;
// A score noun a few words before the figure, without a verb: "snit 55", "testscore dansk 4. kl. 52".
const scoreNounNear = /(?<![\p{L}])(?:gennemsnit\w*|gns\.?|snit|testscore\w*|score)\s+(?:[^\s.,;]+\.?\s+){0,4}$/iu;
// The subject stands in a category: "placeret i kategorien god", "er gode læsere" (unsure without a figure).
const categoryPredicate =
  /(?<![\p{L}])(?:er|ligger|befinder\s+sig|placeret|placerer\s+sig|lander|havner|opnår|når)\s+(?:\S+\s+){0,3}?(?:i\s+kategorien\s+|som\s+|på\s+niveauet\s+)?(?:fremragende|rigtig\s+gode?|gode?\s+læsere|god|jævn|mangelfulde?|ikke\s+tilstrækkelige?|(?:over|under)\s+middel)(?![\p{L}])/iu;
// A vague share: a level in words.
const vagueShare =
  /(?:flertallet|størstedelen|langt\s+de\s+fleste|næsten\s+alle|et\s+mindretal|en\s+stor\s+del|en\s+lille\s+del|hovedparten|over\s+halvdelen|under\s+halvdelen|knap\s+halvdelen)/iu;

export interface LevelFinding {
  start: number;
  end: number;
  text: string;
  /** level: blocks. range: both ends of a from–to. possible: the guard is unsure; a person confirms. */
  kind: 'level' | 'range' | 'possible';
}

/** Splits a sentence where a new statement may begin, so a figure is judged with its own subject. */
function clauses(sentence: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  const separator = /;|\s\|\s|,\s+(?:og|men|mens|hvor|hvorimod)\s+|\s+mens\s+|\s+hvorimod\s+/giu;
  let last = 0;
  for (const match of sentence.matchAll(separator)) {
    parts.push({ text: sentence.slice(last, match.index), offset: last });
    last = match.index + match[0].length;
  }
  parts.push({ text: sentence.slice(last), offset: last });
  return parts;
}

/** Numbers that are not quantities: ordinals, class names, dates, years, weeks, times, paragraphs, durations, identifiers. */
function notAQuantity(clause: string, index: number, text: string): boolean {
  const before = clause.slice(0, index);
  const after = clause.slice(index + text.length);
  // Danish writes ordinals with a full stop: "2., 4. og 6. klasse", "fra 2. til 4.", "i 2. kvartal".
  if (/^\d+$/.test(text) && /^\.(?:[,;)]|\s+(?:\p{Ll}|\d))/u.test(after)) return true;
  // Week numbers, list numbering, and digit groups that identify rather than count (CPR, phone, ids).
  if (/(?:uge|ugerne|uger|week|kvartal)\s+(?:\d+\s*(?:og|-|–|,)\s*)*$/iu.test(before)) return true;
  if (/^\s*\d*$/.test(before) && /^\)/.test(after)) return true;
  if (/^\d{5,}$/.test(text) || /\d[-‐–]$/.test(before) || /^[-‐–]\d/.test(after)) return true;
  if (
    /^\.(?:\s*(?:-\s*\d+\.\s*)?(?:og\s+\d+\.\s*)?(?:klasse|kl\.|årgang|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)|\p{L}(?![\p{L}]))/iu.test(
      after,
    )
  )
    return true;
  if (/^\s*(?:-\s*)?\d*\.?\s*(?:klasse|kl\.|årgang)/iu.test(after) && /\d/.test(text)) return true;
  if (/^(?:19|20)\d{2}$/.test(text)) return true;
  if (/(?:§|side|stk\.)\s*$/iu.test(before)) return true;
  // "kl. 9", "klokken 14.30" are times; after "4. kl." a number above 24 is a figure.
  if (
    /(?:kl\.|klokken)\s*$/iu.test(before) &&
    (Number(text.replace(',', '.')) <= 24 || /^\d{1,2}[.:]\d{2}$/.test(text) || /^[.:]\d{2}/.test(after))
  )
    return true;
  if (/nr\.\s*$/iu.test(before) && !/^\s*(?:af|ud\s+af)\s/iu.test(after)) return true;
  if (/^\s*(?:gange?|minutter|min\.|timer|uger|ugers|måneder|måned|år|dage|skoleår|lektioner|ordinationer)\b/iu.test(after)) return true;
  // "4 klasse" without its full stop is still a class; "fire klasser" is a count.
  if (/^\d+$/.test(text) && /^\s*(?:klasse|kl\.)(?![\p{L}])/iu.test(after)) return true;
  return false;
}

/**
 * Is this quantity a level, an end of a from–to range, or the size of a
 * change ('change')? Anything else in a sentence about the tests is a
 * possible level: the guard is unsure, so a person must look ('possible').
 */
function judgeQuantity(clause: string, index: number, text: string): LevelFinding['kind'] | 'change' {
  const before = clause.slice(0, index);
  const after = clause.slice(index + text.length);
  // "fra 5 til 9 procent", "fra 5 % til 9 %": both ends are levels.
  if (/\bfra\s*$/iu.test(before) && /^\s*(?:%|procent|pct\.?)?\s*til\s+/iu.test(after)) return 'range';
  if (/\bfra\s+\S+\s*(?:%|procent|pct\.?)?\s*til\s*$/iu.test(before)) return 'range';
  // "steget med tre procent(point)": the size of a change.
  if (/\bmed\s*(?:ca\.|cirka|omkring|knap|godt|over|under)?\s*$/iu.test(before) && changeWord.test(before)) return 'change';
  if (/^\s*procentpoint/iu.test(after)) return benchmarkAverage.test(after) ? 'level' : 'change';
  if (percentPattern.test(after) || /^\s*(?:percent|per\s+cent)\b/iu.test(after) || isFraction(text)) return 'level';
  // A share or score as a decimal: "er 0,62", "0,18 mod 0,21".
  if (/^\d+[.,]\d+$/.test(text)) return 'level';
  // A rank: "nr. 3 af kommunens 14 skoler".
  if (/^\s*(?:af|ud\s+af)\s+(?:kommunens|landets|regionens|\d+)/iu.test(after) && /(?:nr\.|nummer|placering\w*)\s*$/iu.test(before))
    return 'level';
  // "en"/"et" are mostly articles: a quantity only when they count pupils or classes.
  if (/^(?:en|et)$/iu.test(text)) return /^\s*(?:elev|klasse|årgang)\b/iu.test(after) ? 'level' : 'change';
  // How many: "12 elever", "17 af 24 elever", "9 af klassens 22", "tre klasser", "3,2 ud af 5".
  if (/^\s*(?:elev(?:er)?|af\s+(?:eleverne|klassens|årgangens|skolens)|af\s+\d+|klasser?|årgange?|point|ud\s+af)\b/iu.test(after))
    return 'level';
  if (scoreBefore.test(before) || scoreNounNear.test(before)) return 'level';
  // A score named after the figure: "47 i testscore", "52 i gennemsnit", "58 på testskalaen".
  if (/^\s*(?:i\s+(?:test)?score\w*|i\s+(?:gennemsnit|gns\.?|snit)|på\s+(?:test)?skala\w*|point)\b/iu.test(after)) return 'level';
  // A figure next to a category: "38 … over middel", "33 % fremragende".
  if (categoryPattern.test(after.slice(0, 40))) return 'level';
  // "steget med …", "en stigning på …", "forbedret sig med …": a change, however it is written.
  if (changeWord.test(before) || /^\s*(?:procent\w*\s+)?(?:bedre|dårligere|flere|færre|mere|mindre|højere|lavere)\b/iu.test(after))
    return 'change';
  return 'possible';
}

/** Test-result levels in one sentence; `carriedContext` is true when the previous sentence was about the tests. */
export function findTestResultLevels(sentence: Sentence, carriedContext: boolean): { findings: LevelFinding[]; aboutTests: boolean } {
  const about = (text: string) => testContext.test(text) || (weakTestContext.test(text) && !otherSource.test(text));
  const aboutTests = about(sentence.text);
  const findings: LevelFinding[] = [];
  for (const clause of clauses(sentence.text)) {
    const clauseAboutTests = about(clause.text);
    const clauseOther = otherSource.test(clause.text) || /\bKIDS\b/.test(clause.text);
    if (clauseOther && !clauseAboutTests) continue;
    if (!clauseAboutTests && !aboutTests && !carriedContext) continue;
    const add = (start: number, text: string, kind: LevelFinding['kind']) =>
      findings.push({ start: clause.offset + start, end: clause.offset + start + text.length, text, kind });

    let figures = 0;
    for (const match of clause.text.matchAll(quantityPattern)) {
      if (notAQuantity(clause.text, match.index, match[0])) continue;
      const kind = judgeQuantity(clause.text, match.index, match[0]);
      if (kind === 'change') continue;
      add(match.index, match[0], kind);
      figures++;
    }
    if (figures > 0) continue;
    const benchmark = benchmarkAverage.exec(clause.text);
    if (benchmark && positionWord.test(clause.text) && !overTime.test(clause.text) && !changeWord.test(clause.text)) {
      add(benchmark.index, benchmark[0].trim(), 'level');
      continue;
    }
    const vague = vagueShare.exec(clause.text);
    if (vague && categoryPattern.test(clause.text)) {
      add(vague.index, vague[0], 'possible');
      continue;
    }
    // Unsure: a result category said of someone, without a direction, may state a level.
    const stated = categoryPredicate.exec(clause.text) ?? (clauseAboutTests ? categoryPattern.exec(clause.text) : null);
    if (
      stated &&
      clauseAboutTests &&
      !changeWord.test(clause.text) &&
      !overTime.test(clause.text) &&
      !/(?:mål|ønske|indsats|arbejde\s+med|støtte)/iu.test(clause.text)
    ) {
      add(stated.index, stated[0], 'possible');
    }
  }
  return { findings, aboutTests };
}

/** Whether a text (a preparation question, say) is about the national tests. */
export const isAboutNationalTests = (text: string): boolean => testContext.test(text) || weakTestContext.test(text);
