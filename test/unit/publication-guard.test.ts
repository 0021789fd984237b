import { describe, expect, it } from 'vitest';
import { checkPublicNote } from '../../src/domain/publication-guard/publication-guard.js';
import { splitSentences } from '../../src/domain/publication-guard/sentences.js';
import { corpus, people } from '../fixtures/publication-guard-corpus.js';

const labelOf = (text: string) => {
  const result = checkPublicNote(text, people);
  return result.blocking ? 'blocking' : result.findings.length > 0 ? 'warning' : 'clean';
};

describe('the publication guard', () => {
  it('has a labelled corpus of at least 60 sentences, with the guidance’s own examples', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(corpus.filter((c) => c.label === 'blocking').length).toBeGreaterThanOrEqual(20);
  });

  for (const sentence of corpus) {
    it(`labels "${sentence.text}" ${sentence.label} (${sentence.why})`, () => {
      expect(labelOf(sentence.text)).toBe(sentence.label);
    });
  }

  it('points at the sentence and the words, as offsets in the whole note', () => {
    const note = 'Vi havde en god samtale. Andelen steg fra 5 til 9 procent i de nationale test. Tak for i dag.';
    const { findings } = checkPublicNote(note);
    expect(findings.map((f) => [f.rule, f.text])).toEqual([
      ['testResultRange', '5'],
      ['testResultRange', '9'],
    ]);
    expect(note.slice(findings[0]!.sentence.start, findings[0]!.sentence.end)).toBe(
      'Andelen steg fra 5 til 9 procent i de nationale test.',
    );
    expect(note.slice(findings[1]!.start, findings[1]!.end)).toBe('9');
  });

  it('keeps abbreviations and decimals inside their sentence', () => {
    expect(splitSentences('Vi afprøver bl.a. legepatruljer, f.eks. i 4. klasse. Gennemsnittet var 7,2. Slut.').map((s) => s.text)).toEqual([
      'Vi afprøver bl.a. legepatruljer, f.eks. i 4. klasse.',
      'Gennemsnittet var 7,2.',
      'Slut.',
    ]);
  });
});
