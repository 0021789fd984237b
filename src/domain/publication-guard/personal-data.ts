import type { Sentence } from './sentences.js';
import { danishFirstNames } from './danish-first-names.js';

/**
 * Personal data (personhenførbare oplysninger) in the public note: CPR
 * numbers, e-mail addresses, phone numbers and people's names. The note may
 * name who is responsible for agreements (seed 000) — those live in the
 * agreements' owner field, not in the note's text — so every name here is a
 * warning the school leader confirms or removes.
 */
export type PersonalDataKind = 'cpr' | 'email' | 'phone' | 'name';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

const cpr = /(?<!\d)(\d{2})(\d{2})(\d{2})[- ]?(\d{4})(?!\d)/g;
const email = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/gu;
// Danish numbers: eight digits, optionally +45, written together or in pairs/quads.
const phone = /(?<!\d|\d[,.])(?:\+45\s?)?(?:\d{2}\s\d{2}\s\d{2}\s\d{2}|\d{4}\s\d{4}|\d{8})(?!\d|[,.]\d)/g;

const validCprDate = (day: string, month: string) => Number(day) >= 1 && Number(day) <= 31 && Number(month) >= 1 && Number(month) <= 12;

export interface KnownPerson {
  displayName: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for all names, longest first (so "Anders Holm" wins over "Anders"); cached per list of people. */
const patternCache = new WeakMap<readonly KnownPerson[], RegExp>();
function namePattern(people: readonly KnownPerson[]): RegExp {
  const cached = patternCache.get(people);
  if (cached) return cached;
  const names = new Set<string>(danishFirstNames);
  for (const person of people) {
    const full = person.displayName.trim();
    if (full.includes(' ')) names.add(full);
    const first = full.split(/\s+/)[0];
    if (first && first.length > 1) names.add(first);
  }
  const alternatives = [...names]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\d-])(?:${alternatives})s?(?![\\p{L}\\d-])`, 'gu');
  patternCache.set(people, pattern);
  return pattern;
}

export function findPersonalData(sentence: Sentence, people: readonly KnownPerson[]): PersonalDataFinding[] {
  const text = sentence.text;
  const findings: PersonalDataFinding[] = [];
  const taken = (start: number, end: number) => findings.some((f) => start < f.end && end > f.start);
  const add = (kind: PersonalDataKind, start: number, value: string) => {
    if (!taken(start, start + value.length)) findings.push({ kind, start, end: start + value.length, text: value });
  };

  for (const m of text.matchAll(email)) add('email', m.index!, m[0]);
  for (const m of text.matchAll(cpr)) if (validCprDate(m[1]!, m[2]!)) add('cpr', m.index!, m[0]);
  for (const m of text.matchAll(phone)) add('phone', m.index!, m[0]);

  // Participants by full name or first name, and any listed first name written with a capital.
  for (const m of text.matchAll(namePattern(people))) add('name', m.index!, m[0]);
  return findings.sort((a, b) => a.start - b.start);
}
