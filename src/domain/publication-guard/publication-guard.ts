import { splitSentences, type Sentence } from './sentences.js';
import { findTestResultLevels } from './test-result-levels.js';
import { findPersonalData, type NameContext, type PersonalDataKind } from './personal-data.js';

export type FindingRule = 'testResultLevel' | 'testResultRange' | 'possibleTestResultLevel' | 'textTooLong' | PersonalDataKind;

export interface GuardFinding {
  rule: FindingRule;
  /** Blocking findings stop approval and can never be confirmed; warnings must be confirmed by the school leader. */
  severity: 'blocking' | 'warning';
  sentence: Sentence;
  /** The offending words, as offsets in the checked text. */
  start: number;
  end: number;
  text: string;
}

/** What the guard knows besides the text: the participants, the municipality's institutions, the Danish dictionary. */
export type GuardContext = NameContext;

/** A warning is identified by what it found, so editing elsewhere in the note keeps the confirmation. */
export const warningFingerprint = (finding: Pick<GuardFinding, 'rule' | 'text'>): string => `${finding.rule}:${finding.text.toLowerCase()}`;

export interface GuardResult {
  findings: GuardFinding[];
  blocking: boolean;
}

const severityOf = (rule: FindingRule): GuardFinding['severity'] =>
  rule === 'testResultLevel' || rule === 'testResultRange' || rule === 'cpr' || rule === 'textTooLong' ? 'blocking' : 'warning';

/** Longer than any note; text past it is not checked, so it blocks (nothing unchecked is ever published). */
export const maxCheckedLength = 50_000;

/**
 * Checks text that will be public against the publication rules: no national
 * test-result levels (§ 55 b) and no CPR numbers (both blocking, never
 * confirmable), no other personal data unconfirmed (warnings). Where the
 * guard is unsure whether a sentence states a level, it warns. Pure and fast
 * enough to run as the person types.
 */
export function checkPublicNote(text: string, context: GuardContext): GuardResult {
  const findings: GuardFinding[] = [];
  let carried = false;
  for (const sentence of splitSentences(text.slice(0, maxCheckedLength))) {
    const { findings: levels, aboutTests } = findTestResultLevels(sentence, carried);
    const push = (rule: FindingRule, start: number, end: number, found: string) =>
      findings.push({ rule, severity: severityOf(rule), sentence, start: sentence.start + start, end: sentence.start + end, text: found });
    for (const level of levels) {
      push(
        level.kind === 'range' ? 'testResultRange' : level.kind === 'possible' ? 'possibleTestResultLevel' : 'testResultLevel',
        level.start,
        level.end,
        level.text,
      );
    }
    for (const personal of findPersonalData(sentence, context)) push(personal.kind, personal.start, personal.end, personal.text);
    // A figure in the sentence right after one about the tests is read as a test result too,
    // and a table's header about the tests carries through its rows.
    carried = aboutTests || (carried && sentence.text.includes('|'));
  }
  if (text.length > maxCheckedLength) {
    const rest = { text: text.slice(maxCheckedLength, maxCheckedLength + 40), start: maxCheckedLength, end: text.length };
    findings.push({
      rule: 'textTooLong',
      severity: 'blocking',
      sentence: rest,
      start: maxCheckedLength,
      end: text.length,
      text: rest.text,
    });
  }
  return { findings, blocking: findings.some((f) => f.severity === 'blocking') };
}
