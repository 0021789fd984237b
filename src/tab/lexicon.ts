import { useEffect, useState } from 'react';
import { parseLexicon, type Lexicon } from '../domain/publication-guard/lexicon.js';

let loading: Promise<Lexicon> | null = null;

/**
 * The Danish dictionary the publication guard reads names with (570 KB
 * compressed, built from the same word list as the server's). Fetched once,
 * when a page that checks public text opens; until it arrives, the guard runs
 * on the participants and its own lists, and the server checks again at approval.
 */
export function useLexicon(): Lexicon | undefined {
  const [lexicon, setLexicon] = useState<Lexicon>();
  useEffect(() => {
    loading ??= fetch('/lexicon-da.txt')
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`lexicon ${r.status}`))))
      .then(parseLexicon);
    let live = true;
    loading.then(
      (l) => live && setLexicon(l),
      () => {
        loading = null;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return lexicon;
}
