import type { Lexicon } from './lexicon.js';
import { danishFirstNames } from './danish-first-names.js';
import { ambiguousFirstNames, brandNames, englishTerms, institutionWords, placeNames, titleWords } from './name-signals.js';

export interface KnownPerson {
  displayName: string;
}

export interface NameContext {
  /** The conversation's participants: their names are names wherever they stand. */
  people: readonly KnownPerson[];
  /** The municipality's schools and institutions, which are not people. */
  institutions?: readonly string[];
  /** The Danish dictionary; without it only the lists and the participants are known. */
  lexicon?: Lexicon;
}

export interface NameFinding {
  start: number;
  end: number;
  text: string;
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** The word without a possessive ending: "Jonas’" → "Jonas", "Noahs" stays (both forms are tried). */
  bare: string;
  capitalised: boolean;
  acronym: boolean;
  /** First word of the sentence, or of a list item, heading or quote. */
  initial: boolean;
}

const wordPattern = /\p{L}[\p{L}\p{M}]*(?:[-’'][\p{L}\p{M}]+)*[’']?/gu;
const firstNames = new Set(danishFirstNames);
const institutionSuffix =
  /(skolen?|skoles|gymnasi(et|um)|centret|center|huset|hallen|børnehaven?|klubben|fonden|udvalget|rådet|ministerium|ministeriet|styrelsen?|direktoratet|agenturet|instituttet?|universitetet?|forvaltningen?|tinget)$/iu;
/** Proper nouns shaped like places and buildings: Christiansborg, Frederikshavn, Nykøbing, Sundby. */
const placeSuffix = /(borg|slot|slottet|havn|købing|sund|fjord)$/iu;
/** Role nouns: a word that ends in one names a job, not a person ("Souschef", "Inklusionskoordinator"). */
const roleSuffix =
  /(chef|leder|lærer|konsulent|koordinator|vejleder|medarbejder|ansvarlig|repræsentant|formand|sekretær|pædagog|psykolog|assistent|direktør|inspektør|sygeplejerske)(en|e|er|erne)?$/iu;

function tokenise(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(wordPattern)) {
    const text = m[0];
    const start = m.index;
    const before = sentence.slice(0, start);
    const letters = text.split(/[-’']/)[0]!;
    tokens.push({
      text,
      start,
      end: start + text.length,
      bare: text.replace(/[’']s?$/u, ''),
      capitalised: /^\p{Lu}/u.test(text),
      acronym: letters.length >= 2 && letters === letters.toUpperCase(),
      initial: /^[\s\p{P}\p{S}\d]*$/u.test(before) || /[:;•–]\s*["“„'(]?$/u.test(before),
    });
  }
  return tokens;
}

/** name: a name on its own; weakName: a first name that is also a word; surname: a surname that is also a word ("Holm"). */
type Kind = 'name' | 'weakName' | 'surname' | 'thing' | 'word' | 'unknown';

/** What one capitalised word looks like, on its own. */
function kindOf(token: Token, context: NameContext, people: Set<string>, institutions: Set<string>): Kind {
  const forms = [token.bare, token.bare.endsWith('s') ? token.bare.slice(0, -1) : null].filter((f): f is string => !!f && f.length > 1);
  const parts = token.bare.split('-');
  const lower = token.bare.toLowerCase();
  if (forms.some((f) => people.has(f) || firstNames.has(f)) || parts.some((p) => firstNames.has(p) || people.has(p))) return 'name';
  if (institutions.has(token.bare) || [lower, lower.replace(/s$/u, '')].some((w) => institutionWords.has(w) || institutionSuffix.test(w)))
    return 'thing';
  const singular = lower.replace(/s$/u, '');
  if (forms.some((f) => placeNames.has(f)) || [lower, singular].some((w) => brandNames.has(w) || englishTerms.has(w))) return 'thing';
  if (forms.some((f) => ambiguousFirstNames.has(f))) return 'weakName';
  const lexicon = context.lexicon;
  if (!lexicon) return 'word';
  const entry = forms.some((f) => lexicon.isEntry(f));
  if (forms.some((f) => lexicon.isProperNoun(f))) return placeSuffix.test(token.bare) ? 'thing' : entry ? 'surname' : 'name';
  if (lexicon.isWord(token.bare) || parts.every((p) => lexicon.isWord(p)) || roleSuffix.test(lower)) return 'word';
  return 'unknown';
}

/**
 * People's names in a sentence, found from the shape of the text: a
 * capitalised word inside a Danish sentence that is not an ordinary word, a
 * place, an institution or a system is taken for a name; a title before a
 * capitalised word ("lærer Sommer") makes it one; runs of capitalised words
 * ("Marianne Østergaard", "Nguyen Van Minh") are one name unless they name
 * an institution ("Aarhus Universitet") or a thing ("Naturcenter Vestskoven").
 */
export function findPersonNames(sentence: string, context: NameContext): NameFinding[] {
  const people = new Set(context.people.flatMap((p) => p.displayName.trim().split(/\s+/)).filter((n) => n.length > 1));
  const institutions = new Set((context.institutions ?? []).flatMap((i) => [i, ...i.split(/\s+/)]));
  const tokens = tokenise(sentence);
  const findings: NameFinding[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.capitalised || token.acronym || /^-\d/.test(sentence.slice(token.end))) continue;
    // "Ca.", "Hr." on their own: abbreviations (initials count only inside a run: "H.C. Andersen").
    if (token.text.length <= 2 && sentence[token.end] === '.' && !tokens[i + 1]?.capitalised) continue;
    // A run of capitalised words joined by single spaces (or initials: "A.P. Møller").
    const run = [token];
    while (i + 1 < tokens.length) {
      const next = tokens[i + 1]!;
      const gap = sentence.slice(run.at(-1)!.end, next.start);
      if (!next.capitalised || next.acronym || !/^(?: |\. ?)$/.test(gap) || (gap.startsWith('.') && run.at(-1)!.text.length > 1)) break;
      run.push(next);
      i++;
    }
    const previous = tokens[tokens.indexOf(token) - 1];
    // "lærer Sommer", and in apposition "viceskolelederen, Nguyen Van Minh" (a capitalised title before a comma is a list item).
    const gapBefore = previous ? sentence.slice(previous.end, token.start) : '';
    const titled =
      previous !== undefined &&
      titleWords.has(previous.text.toLowerCase()) &&
      (gapBefore === ' ' || (/^, $/.test(gapBefore) && !previous.capitalised));
    // "Lærer Sommer": a title at the head of the run names the rest.
    const headIsTitle = run.length > 1 && (titleWords.has(run[0]!.text.toLowerCase()) || roleSuffix.test(run[0]!.text));
    let named = headIsTitle ? run.slice(1) : run;
    let kinds = named.map((t) => kindOf(t, context, people, institutions));
    // The first word of a sentence has its capital from grammar: "Kontakt Peter …" names Peter, not "Kontakt Peter".
    if (!headIsTitle && named.length > 1 && named[0]!.initial && (kinds[0] === 'word' || kinds[0] === 'surname')) {
      named = named.slice(1);
      kinds = kinds.slice(1);
      named[0] = { ...named[0]!, initial: false };
    }
    if (kinds.includes('thing')) continue;

    let isName: boolean;
    if (titled || headIsTitle) isName = true;
    else if (named.length > 1) {
      // A run that starts with an ordinary word names a thing ("Naturcenter Vestskoven", "Min Uddannelse").
      isName = (kinds[0] === 'name' || kinds[0] === 'weakName' || kinds[0] === 'unknown') && kinds.some((k) => k !== 'word');
    } else if (named[0]!.initial) {
      isName = kinds[0] === 'name';
    } else {
      isName = kinds[0] === 'name' || kinds[0] === 'weakName' || kinds[0] === 'unknown';
    }
    if (!isName) continue;
    const first = named[0]!;
    const last = named.at(-1)!;
    findings.push({ start: first.start, end: last.end, text: sentence.slice(first.start, last.end) });
  }
  return findings;
}
