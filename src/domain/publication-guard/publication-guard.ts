import { splitSentences, type Sentence } from './sentences.js';
import { findTestResultLevels } from './test-result-levels.js';
import { findPersonalData, type KnownPerson, type PersonalDataKind } from './personal-data.js';

export type FindingRule = 'testResultLevel' | 'testResultRange' | PersonalDataKind;

export interface GuardFinding {
  rule: FindingRule;
  /** Blocking findings stop approval; warnings must be confirmed by the school leader. */
  severity: 'blocking' | 'warning';
  sentence: Sentence;
  /** The offending words, as offsets in the whole note. */
  start: number;
  end: number;
  text: string;
}

/** A warning is identified by what it found, so editing elsewhere in the note keeps the confirmation. */
export const warningFingerprint = (finding: Pick<GuardFinding, 'rule' | 'text'>): string => `${finding.rule}:${finding.text.toLowerCase()}`;

export interface GuardResult {
  findings: GuardFinding[];
  blocking: boolean;
}

/**
 * Checks a public note against the publication rules: no national
 * test-result levels (§ 55 b, blocking) and no personal data (warning).
 * Pure and fast enough to run as the person types.
 */
export function checkPublicNote(text: string, people: readonly KnownPerson[] = []): GuardResult {
  const findings: GuardFinding[] = [];
  let carried = false;
  for (const sentence of splitSentences(text)) {
    const { findings: levels, aboutTests } = findTestResultLevels(sentence, carried);
    for (const level of levels) {
      findings.push({
        rule: level.kind === 'range' ? 'testResultRange' : 'testResultLevel',
        severity: 'blocking',
        sentence,
        start: sentence.start + level.start,
        end: sentence.start + level.end,
        text: level.text,
      });
    }
    for (const personal of findPersonalData(sentence, people)) {
      findings.push({
        rule: personal.kind,
        severity: 'warning',
        sentence,
        start: sentence.start + personal.start,
        end: sentence.start + personal.end,
        text: personal.text,
      });
    }
    // A figure in the sentence right after one about the tests is read as a test result too.
    carried = aboutTests;
  }
  return { findings, blocking: findings.some((f) => f.severity === 'blocking') };
}
