import { describe, expect, it } from 'vitest';
import { checkPublicNote, maxCheckedLength } from '../../src/domain/publication-guard/publication-guard.js';
import { splitSentences } from '../../src/domain/publication-guard/sentences.js';
import { approveMinutes, checkApproval, emptyMinutes, type MinutesContent } from '../../src/domain/minutes.js';
import { warningFingerprint } from '../../src/domain/minutes.js';
import { DomainError } from '../../src/domain/errors.js';
import { danishLexicon } from '../../src/store/danish-lexicon.js';
import { corpusInstitutions, corpusPeople, type GuardCase } from '../fixtures/guard-corpus/corpus.js';
import { development } from '../fixtures/guard-corpus/development.js';
import { heldOut } from '../fixtures/guard-corpus/held-out.js';
import { heldOutFinal } from '../fixtures/guard-corpus/held-out-final.js';
import { scoreCorpus } from '../fixtures/guard-corpus/score.js';
import { plannedConversation } from '../support/factories.js';

const context = { people: corpusPeople, institutions: corpusInstitutions, lexicon: danishLexicon() };
const rules = (text: string) => checkPublicNote(text, context).findings.map((f) => f.rule);
const levelRules = ['testResultLevel', 'testResultRange', 'possibleTestResultLevel'];

describe('the publication guard’s corpus', () => {
  it('has at least 400 labelled sentences in a development part and held-out parts', () => {
    expect(development.length + heldOut.length + heldOutFinal.length).toBeGreaterThanOrEqual(400);
    expect(heldOut.length + heldOutFinal.length).toBeGreaterThanOrEqual(200);
  });

  for (const item of development) {
    it(`development: ${item.tags.join('') || 'publishable'} — "${item.text}"`, () => {
      const found = rules(item.text);
      expect(found.some((r) => levelRules.includes(r))).toBe(item.tags.includes('L'));
      for (const [tag, rule] of [
        ['N', 'name'],
        ['C', 'cpr'],
        ['E', 'email'],
        ['T', 'phone'],
      ] as const) {
        if (item.tags.includes(tag)) expect(found).toContain(rule);
      }
      if (!item.tags.some((t) => t !== 'L')) expect(found.filter((r) => !levelRules.includes(r))).toEqual([]);
    });
  }

  const meetsGoals = (name: string, cases: GuardCase[]) =>
    it(`${name}: § 55 b recall ≥ 98 %, false alarms ≤ 5 %, personal-data recall ≥ 95 %, false warnings ≤ 5 %`, () => {
      const s = scoreCorpus(cases, context);
      expect(s.levels.caught / s.levels.cases).toBeGreaterThanOrEqual(0.98);
      expect(s.levels.falseAlarms / s.levels.cleanCases).toBeLessThanOrEqual(0.05);
      expect(s.personal.caught / s.personal.cases).toBeGreaterThanOrEqual(0.95);
      expect(s.personal.falseWarnings / s.personal.cleanCases).toBeLessThanOrEqual(0.05);
    });
  meetsGoals('earlier held-out batches', heldOut);
  meetsGoals('final held-out part', heldOutFinal);
});

describe('the publication guard', () => {
  it('catches every sentence that was published before (issue 9)', () => {
    for (const sentence of [
      'Andelen af elever, der klarer sig godt i dansk (nationale test), er 0,53.',
      'Læsning: 2. klasse. Andelen af gode læsere er 53 procent.',
      'Skolen ligger 5 procentpoint over landsgennemsnittet i de nationale test.',
      'I de nationale test ligger skolen på niveau med landsgennemsnittet.',
    ]) {
      expect(checkPublicNote(sentence, context).blocking, sentence).toBe(true);
    }
  });

  it('blocks a CPR number with or without a dash, and only with a valid birth date', () => {
    for (const text of ['Elev 010203-1234 er henvist.', 'Elev 0102031234 er henvist.', 'Elev 010203 1234 er henvist.']) {
      const found = checkPublicNote(text, context).findings.find((f) => f.rule === 'cpr');
      expect(found?.severity, text).toBe('blocking');
    }
    expect(rules('Sagsnummer 3213991234 er arkiveret.')).not.toContain('cpr');
  });

  it('finds names from the shape of the text, not only from a list', () => {
    expect(rules('Forældrene til Zainab har bedt om et møde.')).toContain('name');
    expect(rules('Pædagog Storm tager sig af legepatruljen.')).toContain('name');
    expect(rules('Skolen samarbejder med Aarhus Universitet om læsning.')).toEqual([]);
    expect(rules('Skolebestyrelsen og Elevrådet har været inddraget.')).toEqual([]);
  });

  it('allows a change over time, as the national guidance does', () => {
    expect(rules('Sammenlignet med sidste skoleår er andelen med resultatet "Fremragende" steget med tre procent.')).toEqual([]);
  });

  it('points at the sentence and the words, as offsets in the whole note', () => {
    const note = 'Vi havde en god samtale. Andelen steg fra 5 til 9 procent i de nationale test. Tak for i dag.';
    const { findings } = checkPublicNote(note, context);
    expect(findings.map((f) => [f.rule, f.text])).toEqual([
      ['testResultRange', '5'],
      ['testResultRange', '9'],
    ]);
    expect(note.slice(findings[0]!.sentence.start, findings[0]!.sentence.end)).toBe(
      'Andelen steg fra 5 til 9 procent i de nationale test.',
    );
    expect(note.slice(findings[1]!.start, findings[1]!.end)).toBe('9');
  });

  it('keeps abbreviations, decimals and ordinals inside their sentence', () => {
    expect(splitSentences('Vi afprøver bl.a. legepatruljer, f.eks. i 4. klasse. Gennemsnittet var 7,2. Slut.').map((s) => s.text)).toEqual([
      'Vi afprøver bl.a. legepatruljer, f.eks. i 4. klasse.',
      'Gennemsnittet var 7,2.',
      'Slut.',
    ]);
  });

  it('answers any text without failing: empty, huge, markup, emoji, mixed scripts', () => {
    expect(checkPublicNote('', context).findings).toEqual([]);
    expect(rules('<script>alert(1)</script> <b>Anders Holm</b> 🎉🙂 Привет мир 你好 مرحبا')).toContain('name');
    const long = 'Trivslen er steget. '.repeat(2_000);
    const started = performance.now();
    expect(checkPublicNote(long, context).findings).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
    // Text past what the guard reads is never published unchecked: it blocks.
    expect(checkPublicNote(`${'a'.repeat(maxCheckedLength)} 010203-1234`, context).findings.map((f) => f.rule)).toEqual(['textTooLong']);
  });
});

describe('approving what will be public', () => {
  const conversation = { ...plannedConversation(), status: 'minutesDrafted' as const };
  const minutes = (change: Partial<MinutesContent>): MinutesContent => ({
    ...emptyMinutes(),
    publicNote: 'Trivslen er steget.',
    ...change,
  });
  const agreement = (owner: string, what = 'Legepatrulje i alle frikvarterer') => ({
    id: '22222222-2222-4222-8222-222222222222',
    what,
    owner,
    dueDate: null,
    followUpDate: null,
  });

  it('never approves a CPR number, even when someone ticked it as confirmed', () => {
    const note = 'Eleven med cpr-nummer 010203-1234 er henvist til PPR.';
    const fingerprint = warningFingerprint({ rule: 'cpr', text: '010203-1234' });
    expect(() => approveMinutes(conversation, minutes({ publicNote: note, confirmedWarnings: [fingerprint] }), context)).toThrow(
      expect.objectContaining({ code: 'PUBLIC_NOTE_HAS_CPR' }),
    );
  });

  it('checks the agreements’ owners and texts, which the public page shows', () => {
    const owner = checkApproval(minutes({ agreements: [agreement('Zainab i 4.a')] }), context);
    expect(owner.unconfirmedWarnings.map((f) => [f.field, f.rule, f.text])).toEqual([
      ['agreement:22222222-2222-4222-8222-222222222222:owner', 'name', 'Zainab'],
    ]);
    expect(() => approveMinutes(conversation, minutes({ agreements: [agreement('Zainab i 4.a')] }), context)).toThrow(DomainError);
    const confirmed = minutes({ agreements: [agreement('Zainab i 4.a')], confirmedWarnings: ['name:zainab'] });
    expect(approveMinutes(conversation, confirmed, context).status).toBe('minutesApproved');
    const level = minutes({ agreements: [agreement('Skolelederen', 'Hæve andelen af gode læsere fra 64 til 75 procent')] });
    expect(() => approveMinutes(conversation, level, context)).toThrow(expect.objectContaining({ code: 'PUBLIC_NOTE_HAS_TEST_RESULTS' }));
    expect(approveMinutes(conversation, minutes({ agreements: [agreement('Skolelederen')] }), context).status).toBe('minutesApproved');
  });
});
