import type { Sentence } from './sentences.js';
import { findPersonNames, type NameContext } from './person-names.js';

/**
 * Personal data (personhenførbare oplysninger) in text that will be public:
 * CPR numbers, e-mail addresses, phone numbers and people's names. A CPR
 * number is never publishable; the others are warnings the school leader
 * confirms or removes (the public note may name who is responsible for an
 * agreement, seed 000).
 */
export type PersonalDataKind = 'cpr' | 'email' | 'phone' | 'name';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

// Six digits of a birth date, then four: "010203-1234", "0102031234", "010203 1234".
const cpr = /(?<![\d,.])(\d{2})(\d{2})(\d{2})[-\s‐–]?(\d{4})(?![\d,.]\d)/g;
const email = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/gu;
// Danish numbers: eight digits, optionally +45, written together or in pairs/quads.
const phone = /(?<!\d|\d[,.])(?:\+45\s?)?(?:\d{2}\s\d{2}\s\d{2}\s\d{2}|\d{4}\s\d{4}|\d{8})(?!\d|[,.]\d)/g;

const daysIn = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const validBirthDate = (day: string, month: string) => {
  const m = Number(month);
  return m >= 1 && m <= 12 && Number(day) >= 1 && Number(day) <= daysIn[m - 1]!;
};

export type { KnownPerson, NameContext } from './person-names.js';

export function findPersonalData(sentence: Sentence, context: NameContext): PersonalDataFinding[] {
  const text = sentence.text;
  const findings: PersonalDataFinding[] = [];
  const taken = (start: number, end: number) => findings.some((f) => start < f.end && end > f.start);
  const add = (kind: PersonalDataKind, start: number, value: string) => {
    if (!taken(start, start + value.length)) findings.push({ kind, start, end: start + value.length, text: value });
  };

  for (const m of text.matchAll(email)) add('email', m.index, m[0]);
  for (const m of text.matchAll(cpr)) if (validBirthDate(m[1]!, m[2]!)) add('cpr', m.index, m[0]);
  for (const m of text.matchAll(phone)) add('phone', m.index, m[0]);
  for (const name of findPersonNames(text, context)) add('name', name.start, name.text);
  return findings.sort((a, b) => a.start - b.start);
}
